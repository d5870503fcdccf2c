using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace Styrkort.Core.Warehouse.DuckDb;

/// <summary>
/// What one read of a CSV file's bytes shows, beside DuckDB's load of it: the file's SHA-256, how many records it has,
/// whether it is plain (see <see cref="CsvScan.Run"/>) and whether its keys are distinct as text.
/// </summary>
/// <param name="Plain">Every record is well formed and has the header's number of fields, the file is valid UTF-8,
/// and every cell of a typed column (<see cref="CsvScan.Form"/>) has its form exactly, or is empty where that is allowed.</param>
/// <param name="KeysDistinct">No two records have the same key texts (proved; false also when not known).</param>
/// <param name="Padded">Per field of the header: some cell may have something to trim (it begins or ends with a space,
/// a control character or any character past ASCII), or is quoted and empty; DuckDB reads the others as they must be stored.</param>
/// <param name="Sets">The texts of the fields the plan asked to collect (<see cref="CsvPlan.Collect"/>), by field.</param>
/// <param name="Found">Every text of a probed field (<see cref="CsvPlan.Probes"/>) is in its set; empty cells aside.</param>
internal sealed record CsvFacts(string Sha256, long Records, bool Plain, bool KeysDistinct, IReadOnlyList<bool> Padded,
    IReadOnlyDictionary<int, TextSet> Sets, bool Found);

/// <summary>What a scan looks at, per field of the header.</summary>
/// <param name="Forms">The form each field's cells must have.</param>
/// <param name="Required">Whether an empty cell is refused.</param>
/// <param name="Keys">The fields of the key, in the key's order.</param>
/// <param name="Collect">The fields whose texts are kept in a set (the texts other files refer to).</param>
/// <param name="Probes">Per field, the set each of its texts must be in, or null.</param>
internal sealed record CsvPlan(IReadOnlyList<CsvScan.Form> Forms, IReadOnlyList<bool> Required, IReadOnlyList<int> Keys,
    IReadOnlyList<int> Collect, IReadOnlyList<TextSet?> Probes);

/// <summary>
/// Reads a CSV file once, as DuckDB reads it (',' between fields, '"' quotes and escapes, LF or CRLF), to prove what
/// DuckDB's typed reader cannot: that every typed cell has the form the checked path requires (DuckDB's reader also
/// takes ' 5', '+5', '1e3', '0x10', '1.5' for a whole number, and '2024-1-5' for a date) and that no key repeats.
/// Anything unusual (a bare CR, a quote inside an unquoted field, a blank line, a long line) makes the file not plain:
/// it is then loaded by the checked path, so a scan never needs to agree with DuckDB about an odd file.
/// </summary>
internal static class CsvScan
{
    /// <summary>The exact form a typed column's cells must have; <see cref="Any"/> is not looked at.</summary>
    internal enum Form : byte { Any, Integer, Decimal, Year, Date, Boolean }

    /// <summary>Past this a record is not plain: well below DuckDB's own limit, so that no plain file can reach it.</summary>
    private const int RecordBytes = Limits.CsvLineBytes / 2;

    private const int Chunk = 1 << 20;

    private static readonly SearchValues<byte> Ends = SearchValues.Create(",\n\"\r"u8);

    public static CsvFacts Run(string path, CsvPlan plan, CancellationToken cancellation = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // A record of a CSV file worth scanning has some dozens of bytes: the sets of its texts are sized for that.
        var state = new Reader(plan, (int)Math.Min(stream.Length / 48, int.MaxValue));
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk + RecordBytes + 16);
        try
        {
            var filled = 0;
            var first = true;
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var read = stream.Read(buffer, filled, Chunk);
                sha.AppendData(buffer, filled, read);
                var start = 0;
                if (first && read + filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) start = 3;
                first = false;
                filled += read;
                var end = read == 0;
                if (state.Plain)
                {
                    var used = state.Records(buffer.AsSpan(start, filled - start), end) + start;
                    if (!end && filled - used >= RecordBytes) state.Plain = false; // one record longer than any plain one
                    // A record cut by the chunk's end moves to the front, to be read whole with the next chunk.
                    buffer.AsSpan(used, filled - used).CopyTo(buffer);
                    filled -= used;
                }
                if (!state.Plain) filled = 0; // only the hash goes on
                if (end) break;
            }
            return new CsvFacts(Convert.ToHexStringLower(sha.GetHashAndReset()), state.Count, state.Plain && state.Count >= 0, state.Plain && state.Distinct, state.Padded,
                state.Sets, state.Plain && state.Found);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The state of one scan: records are read whole; a record cut by the end of a chunk is read again with the next.</summary>
    private sealed class Reader(CsvPlan plan, int expected)
    {
        private readonly Form[] forms = plan.Forms.ToArray();
        private readonly bool[] required = plan.Required.ToArray();
        private readonly TextSet?[] _collect = Enumerable.Range(0, plan.Forms.Count).Select(f => plan.Collect.Contains(f) ? new TextSet(expected) : null).ToArray();
        private readonly TextSet?[] _probes = plan.Probes.ToArray();
        private readonly byte[]?[] _lastFound = new byte[plan.Forms.Count][];
        public bool Found = true;
        public IReadOnlyDictionary<int, TextSet> Sets => _collect.Select((s, f) => (s, f)).Where(x => x.s is not null).ToDictionary(x => x.f, x => x.s!);
        public bool Plain = true;
        public readonly bool[] Padded = new bool[plan.Forms.Count];
        /// <summary>Data records so far; the header is record -1.</summary>
        public long Count = -1;
        // A key of one column whose texts are kept anyway (others refer to it) is checked by that set: a text added twice
        // repeats, and so do two empty cells (NULL, or '' when quoted: the set keeps neither).
        private readonly int _keptKey = plan.Keys.Count == 1 && plan.Collect.Contains(plan.Keys[0]) ? plan.Keys[0] : -1;
        private readonly KeyCheck? _keys = plan.Keys.Count > 1 || plan.Keys.Count == 1 && !plan.Collect.Contains(plan.Keys[0]) ? new KeyCheck() : null;
        private bool _keptRepeat;
        private int _emptyKeys;
        private readonly int[] _collected = plan.Collect.Where(f => f >= 0).Distinct().ToArray();
        private readonly (int Start, int Length)[] _collectCells = new (int, int)[plan.Forms.Count];
        private readonly (int Start, int Length, bool Quoted)[] _keyCells = new (int, int, bool)[plan.Keys.Count];
        private readonly int[] _keyOf = Enumerable.Range(0, plan.Forms.Count).Select(f => plan.Keys.ToList().IndexOf(f)).ToArray();

        public bool Distinct => _keys?.Distinct() ?? (!_keptRepeat && _emptyKeys <= 1);

        /// <summary>Reads every whole record of <paramref name="data"/> (the last one too when <paramref name="end"/>); returns the bytes used.</summary>
        public int Records(ReadOnlySpan<byte> data, bool end)
        {
            var pos = 0;
            while (Plain && pos < data.Length)
            {
                var next = Record(data, pos, end);
                if (next < 0) break; // cut by the chunk's end
                if (next - pos > RecordBytes) Plain = false;
                pos = next;
            }
            // Records end at a line feed, never inside a UTF-8 sequence.
            if (Plain && !Utf8.IsValid(data[..pos])) Plain = false;
            return Plain ? pos : data.Length;
        }

        /// <summary>Reads one record from <paramref name="pos"/>; returns where the next starts, or -1 when the data ends first.</summary>
        private int Record(ReadOnlySpan<byte> data, int pos, bool end)
        {
            var header = Count < 0;
            var field = 0;
            while (true)
            {
                int contentStart, contentEnd, after;
                var quoted = pos < data.Length && data[pos] == (byte)'"';
                if (quoted)
                {
                    contentStart = pos + 1;
                    var at = contentStart;
                    while (true)
                    {
                        var q = data[at..].IndexOf((byte)'"');
                        if (q < 0) return end ? Refuse() : -1;
                        at += q + 1;
                        if (at < data.Length && data[at] == (byte)'"') { at++; continue; }
                        if (at == data.Length && !end) return -1;
                        break;
                    }
                    contentEnd = at - 1;
                    after = at;
                }
                else
                {
                    var e = data[pos..].IndexOfAny(Ends);
                    if (e < 0)
                    {
                        if (!end) return -1;
                        e = data.Length - pos;
                    }
                    contentStart = pos;
                    contentEnd = pos + e;
                    after = contentEnd;
                }
                // What follows a field: a comma, a line feed, CR LF, or the end of the file.
                int next;
                var last = true;
                if (after == data.Length) next = after;
                else if (data[after] == (byte)',') { next = after + 1; last = false; }
                else if (data[after] == (byte)'\n') next = after + 1;
                else if (data[after] == (byte)'\r' && after + 1 < data.Length && data[after + 1] == (byte)'\n') next = after + 2;
                else if (data[after] == (byte)'\r' && after + 1 == data.Length && !end) return -1;
                else return Refuse(); // a quote inside an unquoted field, text after a closing quote, a bare CR
                if (field >= forms.Length) return Refuse();
                if (!header)
                {
                    Cell(field, data[contentStart..contentEnd], quoted);
                    if (_keyOf[field] >= 0) _keyCells[_keyOf[field]] = (contentStart, contentEnd - contentStart, quoted);
                    if (_collect[field] is not null) _collectCells[field] = (contentStart, contentEnd - contentStart);
                }
                field++;
                if (last)
                {
                    // A blank line, or a record with another number of fields than the header.
                    if (field != forms.Length || (field == 1 && contentEnd == contentStart && !quoted)) return Refuse();
                    if (!header)
                    {
                        // Once a record is whole: one cut by a chunk's end is read again.
                        _keys?.Add(data, _keyCells);
                        Keep(data);
                    }
                    Count++;
                    return next;
                }
                if (next == data.Length && !end) return -1;
                pos = next;
            }
        }

        private void Keep(ReadOnlySpan<byte> data)
        {
            foreach (var field in _collected)
            {
                var (start, length) = _collectCells[field];
                if (length == 0)
                {
                    if (field == _keptKey) _emptyKeys++;
                }
                else if (!_collect[field]!.Add(data.Slice(start, length)) && field == _keptKey) _keptRepeat = true;
            }
        }

        private int Refuse()
        {
            Plain = false;
            return int.MaxValue;
        }

        private void Cell(int field, ReadOnlySpan<byte> text, bool quoted)
        {
            if (text.Length == 0)
            {
                if (required[field]) Plain = false;
                if (quoted) Padded[field] = true;
                return;
            }
            if (_probes[field] is { } set && Found && !(_lastFound[field] is { } last && text.SequenceEqual(last)))
            {
                // Files grouped by what they refer to (statements per company) ask once per group.
                if (set.Contains(text)) _lastFound[field] = text.ToArray();
                else Found = false;
            }
            if (forms[field] != Form.Any)
            {
                if (!Fits(forms[field], text)) Plain = false;
            }
            // Bytes, not characters: never fewer. Past the limit the checked path says so.
            else if (text.Length > Limits.CsvFieldChars) Plain = false;
            else if (text[0] is <= (byte)' ' or >= 0x80 || text[^1] is <= (byte)' ' or >= 0x80) Padded[field] = true;
        }
    }

    /// <summary>Whether a (non-empty) cell has its form exactly, the form the checked path's regular expressions demand.</summary>
    internal static bool Fits(Form form, ReadOnlySpan<byte> t) => form switch
    {
        // At most 18 digits always fit in 64 bits; longer ones the checked path judges.
        Form.Integer => Digits(t[(t[0] == (byte)'-' ? 1 : 0)..], 1, 18),
        Form.Decimal => Amount(t[(t[0] == (byte)'-' ? 1 : 0)..]),
        Form.Year => t.Length == 4 && Digits(t, 4, 4),
        Form.Date => Date(t),
        Form.Boolean => t.SequenceEqual("true"u8) || t.SequenceEqual("false"u8),
        _ => true,
    };

    private static bool Digits(ReadOnlySpan<byte> t, int min, int max)
    {
        if (t.Length < min || t.Length > max) return false;
        foreach (var b in t)
            if (b is < (byte)'0' or > (byte)'9') return false;
        return true;
    }

    /// <summary>[0-9]{1,14}(\.[0-9]{1,4})?</summary>
    private static bool Amount(ReadOnlySpan<byte> t)
    {
        var point = t.IndexOf((byte)'.');
        return point < 0 ? Digits(t, 1, 14) : Digits(t[..point], 1, 14) && Digits(t[(point + 1)..], 1, 4);
    }

    /// <summary>YYYY-MM-DD, a day of the calendar from year 1 on.</summary>
    private static bool Date(ReadOnlySpan<byte> t)
    {
        if (t.Length != 10 || t[4] != (byte)'-' || t[7] != (byte)'-' || !Digits(t[..4], 4, 4) || !Digits(t[5..7], 2, 2) || !Digits(t[8..], 2, 2)) return false;
        int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0'), month = (t[5] - '0') * 10 + (t[6] - '0'), day = (t[8] - '0') * 10 + (t[9] - '0');
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>A 64-bit hash of a cell's bytes; a collision only costs the exact check, never a missed repeat.</summary>
    internal static ulong Hash(ReadOnlySpan<byte> t)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)t.Length;
        while (t.Length >= 8)
        {
            h = Mix(h ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(t));
            t = t[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < t.Length; i++) tail |= (ulong)t[i] << (8 * i);
        return Mix(h ^ tail ^ 0xA5);
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    /// <summary>
    /// Proves a file's keys distinct as text while it streams, without a set of every key: within a run of records
    /// whose first key cell is the same, the rest of the key must rise strictly; the first cell of each run is kept as a
    /// 64-bit hash, and no two runs may share one (a collision is a repeat not proved absent, never one missed). A
    /// file sorted by its key needs not even that: its keys rise strictly from record to record. Files grouped by
    /// their first key column (annual statements per company) keep one hash per group.
    /// </summary>
    private sealed class KeyCheck
    {
        private byte[] _key = new byte[64], _previous = new byte[64];
        private int _length, _head, _previousLength = -1, _previousHead;
        private readonly List<ulong> _heads = [];
        private bool _rising = true, _repeat;

        /// <summary>A key's cells, compared as DuckDB's text values: an unquoted empty cell is NULL, a quoted one ''.</summary>
        public void Add(ReadOnlySpan<byte> data, (int Start, int Length, bool Quoted)[] cells)
        {
            _length = 0;
            for (var i = 0; i < cells.Length; i++)
            {
                var (start, length, quoted) = cells[i];
                Encode(data.Slice(start, length), length == 0 && !quoted);
                if (i == 0) _head = _length;
            }
            var key = _key.AsSpan(0, _length);
            if (_previousLength >= 0)
            {
                var order = key.SequenceCompareTo(_previous.AsSpan(0, _previousLength));
                if (order <= 0) _rising = false;
                if (key[.._head].SequenceEqual(_previous.AsSpan(0, _previousHead)))
                {
                    if (order <= 0) _repeat = true;
                }
                else _heads.Add(Hash(key[.._head]));
            }
            else _heads.Add(Hash(key[.._head]));
            (_key, _previous) = (_previous, _key);
            (_previousLength, _previousHead) = (_length, _head);
        }

        public bool Distinct()
        {
            if (_repeat) return false;
            if (_rising) return true;
            var heads = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_heads);
            heads.Sort();
            for (var i = 1; i < heads.Length; i++)
                if (heads[i] == heads[i - 1]) return false;
            return true;
        }

        /// <summary>
        /// Appends a cell so that the bytes of a key compare as its cells do, one by one: a tag (NULL before any text),
        /// the text with each zero byte doubled as 0 255, and 0 0 at its end.
        /// </summary>
        private void Encode(ReadOnlySpan<byte> cell, bool isNull)
        {
            if (_key.Length < _length + 2 * cell.Length + 3) Array.Resize(ref _key, 2 * (_length + 2 * cell.Length + 3));
            _key[_length++] = isNull ? (byte)0 : (byte)1;
            if (isNull) return;
            if (cell.IndexOf((byte)0) < 0)
            {
                cell.CopyTo(_key.AsSpan(_length));
                _length += cell.Length;
            }
            else
                foreach (var b in cell)
                {
                    _key[_length++] = b;
                    if (b == 0) _key[_length++] = 255;
                }
            _key[_length++] = 0;
            _key[_length++] = 0;
        }
    }
}
