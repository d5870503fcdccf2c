using System.Numerics;

namespace Styrkort.Core.Warehouse.DuckDb;

/// <summary>
/// A set of cell texts (UTF-8 bytes), exact: a 64-bit hash finds the candidates, the bytes decide. One arena holds every
/// text, so a million keys cost a few dozen megabytes and no objects; a slot holds the hash beside the text's place, so
/// a lookup touches one slot.
/// </summary>
/// <param name="expected">About how many texts will come (the table is sized for them once, not grown step by step).</param>
internal sealed class TextSet(int expected = 0)
{
    private byte[] _arena = new byte[Math.Clamp(expected, 1 << 12, 1 << 22) * 16];
    private int _used;
    private Slot[] _slots = new Slot[Math.Max(1 << 12, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(expected, 1 << 26) / 3 * 4 + 1))];
    private int _count;

    /// <summary>A text's hash and 1 + where it starts in the arena; 0 is a free slot.</summary>
    private record struct Slot(ulong Hash, int At);

    /// <summary>False when the text is there already.</summary>
    public bool Add(ReadOnlySpan<byte> text)
    {
        if (_count >= _slots.Length / 4 * 3) Grow();
        var hash = CsvScan.Hash(text);
        // One walk finds the text or the free slot it goes to.
        var mask = _slots.Length - 1;
        var i = (int)(hash & (ulong)mask);
        for (; _slots[i].At != 0; i = (i + 1) & mask)
            if (_slots[i].Hash == hash && Text(_slots[i].At - 1).SequenceEqual(text)) return false;
        if (_arena.Length < _used + text.Length + 4) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + text.Length + 4));
        BitConverter.TryWriteBytes(_arena.AsSpan(_used), text.Length);
        text.CopyTo(_arena.AsSpan(_used + 4));
        _slots[i] = new Slot(hash, _used + 1);
        _used += text.Length + 4;
        _count++;
        return true;
    }

    public bool Contains(ReadOnlySpan<byte> text) => Find(text, CsvScan.Hash(text)) >= 0;

    private int Find(ReadOnlySpan<byte> text, ulong hash)
    {
        var mask = _slots.Length - 1;
        for (var i = (int)(hash & (ulong)mask); _slots[i].At != 0; i = (i + 1) & mask)
            if (_slots[i].Hash == hash && Text(_slots[i].At - 1).SequenceEqual(text)) return i;
        return -1;
    }

    private ReadOnlySpan<byte> Text(int at) => _arena.AsSpan(at + 4, BitConverter.ToInt32(_arena, at));

    private void Place(Slot slot)
    {
        var mask = _slots.Length - 1;
        var i = (int)(slot.Hash & (ulong)mask);
        while (_slots[i].At != 0) i = (i + 1) & mask;
        _slots[i] = slot;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        foreach (var slot in old)
            if (slot.At != 0) Place(slot);
    }
}
