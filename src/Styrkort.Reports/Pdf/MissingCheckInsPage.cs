namespace Styrkort.Reports.Pdf;

/// <summary>The goals and units of the report without the goal owner's analysis for the quarter, on a page of its own.</summary>
internal static class MissingCheckInsPage
{
    public static void Draw(PageWriter w, BoardReportModel model, IReadOnlyList<MissingCheckIns> missing)
    {
        var t = ReportText.For(model.Language);
        w.NewPage();
        w.Heading(t.MissingCheckIns, 18);
        w.Text(t.MissingIntro, 9, Face.Regular, PageWriter.Muted);
        w.Space(8);
        if (missing.Count == 0)
        {
            w.Text(t.NoneMissing, 10);
            return;
        }
        PdfTable.Draw(w, [new(t.Goal, 3f), new(t.Owner, 1.4f), new(t.UnitsWithout, 4.6f)],
            missing.Select(m => (IReadOnlyList<TableCell>)[$"{m.Number}  {m.GoalName}", m.Owner ?? "–",
                $"{string.Join(", ", m.Units.Select(u => u.Name))} ({t.Of(m.Units.Count, m.Expected)})"]).ToList(), 8.5f);
    }
}
