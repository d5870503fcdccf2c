using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Periods;
using Styrkort.Reports;

namespace Styrkort.Cli;

internal static class ReportCommand
{
    public static Command Create()
    {
        var goals = new Option<string?>("--goals") { Description = "The goal file (YAML); default: goals.yaml in the --data folder" };
        var data = new Option<string?>("--data") { Description = "A folder of CSV files, one per dataset of the goal file" };
        var warehouse = new Option<string?>("--warehouse") { Description = "A warehouse made by 'styrkort import': a DuckDB file, or postgresql://user:password@host:port/database" };
        var period = new Option<string>("--period") { Description = "The quarter, such as 2026-Q2", Required = true };
        var unit = new Option<string?>("--unit") { Description = "The unit the report is for (default: the root unit)" };
        var output = new Option<string>("--out") { Description = "The file to write, such as rapport-2026-Q2.pdf", Required = true };
        var format = new Option<string?>("--format") { Description = "pdf, xlsx or html (default: from the file name)" };
        format.AcceptOnlyFromAmong("pdf", "xlsx", "html");
        var lang = LanguageOption.Create();
        var explain = new Option<bool>("--explain") { Description = "Say for each goal what drove its change since the board last saw it (\"Vad förändrades\")" };
        var command = new Command("report", "Write the quarterly board report (PDF, Excel or HTML) for a unit")
            { goals, data, warehouse, period, unit, output, format, lang, explain };
        command.SetAction(p => Commands.Guard(() =>
        {
            if (!Period.TryParse(p.GetValue(period), out var quarter) || quarter.Kind != PeriodKind.Quarter)
                throw new ArgumentException($"'{p.GetValue(period)}' is not a quarter; expected such as 2026-Q2");
            var path = p.GetValue(output)!;
            var kind = p.GetValue(format) is { } f ? ReportFiles.Parse(f)
                : ReportFiles.FromFileName(path) ?? throw new ArgumentException($"cannot tell the format from '{path}'; name it .pdf, .xlsx or .html, or give --format");
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
                throw new StyrkortException(new SourceLocation(folder, 0, 0), "folder not found; the report is written into an existing folder");
            var clock = Stopwatch.StartNew();
            var file = EvaluateCommand.Load(ShippedFiles.GoalFileFor(p.GetValue(goals), p.GetValue(data)));
            using var store = EvaluateCommand.Open(file, p.GetValue(data), p.GetValue(warehouse));
            var model = BoardReport.Build(file, store, quarter, new BoardReportOptions { Unit = p.GetValue(unit), Language = p.GetValue(lang), Clock = TimeProvider.System,
                ExplainChanges = p.GetValue(explain) });
            Write(path, stream => ReportFiles.Render(model, kind, stream));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {model.Goals.Count} goals, {model.Unit.Name}, {quarter}, {new FileInfo(path).Length / 1024.0:F0} KiB in {clock.Elapsed.TotalSeconds:F1} s"));
            return 0;
        }));
        return command;
    }

    /// <summary>Writes beside the target and moves into place, so a failed render never leaves half a report behind.</summary>
    private static void Write(string path, Action<Stream> render)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = File.Create(temporary)) render(stream);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
