namespace Styrkort.Accounts.Sie.Internal;

/// <summary>
/// The control sum of SIE 4B §10: CRC-32 (polynomial EDB88320, pre- and post-inverted) over the labels and field
/// contents of every item between the opening and the closing #KSUMMA — without separators, the quotes around
/// fields, the braces of object lists and voucher blocks, and with \" counted as a quote.
/// </summary>
internal sealed class Ksumma
{
    private static readonly uint[] Table = BuildTable();
    private uint _crc = 0xFFFFFFFF;

    public void Add(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) _crc = (_crc >> 8) ^ Table[(_crc ^ b) & 0xFF];
    }

    public void Add(SieLine item)
    {
        Add(item.LabelBytes);
        foreach (var field in item.Fields)
        {
            if (field.Objects is { } objects)
                foreach (var o in objects) Add(o.Bytes);
            else Add(field.Bytes);
        }
    }

    public uint Value => _crc ^ 0xFFFFFFFF;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i;
            for (var j = 0; j < 8; j++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            table[i] = crc;
        }
        return table;
    }
}
