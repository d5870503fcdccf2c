using System.Text;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Audit;

/// <summary>
/// The audit trail as CSV (RFC 4180: every cell quoted, quotes doubled, CRLF rows). A cell that a spreadsheet would
/// read as a formula (<c>= + - @</c>, or a tab or carriage return first) gets a leading apostrophe: the trail holds
/// what users typed (user names tried at sign-in, token names), and opening the export must not run it.
/// </summary>
public static class AuditCsv
{
    public static readonly string[] Header = ["id", "at_utc", "actor", "action", "subject", "details"];

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellation)
    {
        await writer.WriteAsync(Row(Header).AsMemory(), cancellation);
        await foreach (var e in entries.WithCancellation(cancellation))
            await writer.WriteAsync(Row([e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), e.Actor, e.Action, e.Subject, e.Details]).AsMemory(), cancellation);
    }

    public static string Row(IEnumerable<string> cells) => string.Join(",", cells.Select(Cell)) + "\r\n";

    public static string Cell(string value)
    {
        var text = Exports.CsvText.Defuse(value);
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static readonly Encoding Utf8WithMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
