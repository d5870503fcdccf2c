namespace Styrkort.Core.Warehouse.DuckDb;

/// <summary>
/// A set of cell texts (UTF-8 bytes), exact: a 64-bit hash finds the candidates, the bytes decide. One arena holds every
/// text, so a million keys cost a few dozen megabytes and no objects.
/// </summary>
internal sealed class TextSet
{
    private byte[] _arena = new byte[1 << 16];
    private int _used;
    private int[] _slots = new int[1 << 12]; // 1 + where a text starts in the arena; 0 is free
    private ulong[] _hashes = new ulong[1 << 12];
    private int _count;

    public void Add(ReadOnlySpan<byte> text)
    {
        var hash = CsvScan.Hash(text);
        if (Find(text, hash) >= 0) return;
        if (_count >= _slots.Length / 4 * 3) Grow();
        if (_arena.Length < _used + text.Length + 4) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + text.Length + 4));
        BitConverter.TryWriteBytes(_arena.AsSpan(_used), text.Length);
        text.CopyTo(_arena.AsSpan(_used + 4));
        Place(_used + 1, hash);
        _used += text.Length + 4;
        _count++;
    }

    public bool Contains(ReadOnlySpan<byte> text) => Find(text, CsvScan.Hash(text)) >= 0;

    private int Find(ReadOnlySpan<byte> text, ulong hash)
    {
        var mask = _slots.Length - 1;
        for (var i = (int)(hash & (ulong)mask); _slots[i] != 0; i = (i + 1) & mask)
            if (_hashes[i] == hash && Text(_slots[i] - 1).SequenceEqual(text)) return i;
        return -1;
    }

    private ReadOnlySpan<byte> Text(int at) => _arena.AsSpan(at + 4, BitConverter.ToInt32(_arena, at));

    private void Place(int slot, ulong hash)
    {
        var mask = _slots.Length - 1;
        var i = (int)(hash & (ulong)mask);
        while (_slots[i] != 0) i = (i + 1) & mask;
        _slots[i] = slot;
        _hashes[i] = hash;
    }

    private void Grow()
    {
        var (slots, hashes) = (_slots, _hashes);
        _slots = new int[slots.Length * 2];
        _hashes = new ulong[slots.Length * 2];
        for (var i = 0; i < slots.Length; i++)
            if (slots[i] != 0) Place(slots[i], hashes[i]);
    }
}
