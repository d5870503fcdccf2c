using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.GoalFiles;

/// <summary><c>cadence:</c> on a dataset — how often it is expected to be imported, which the alerts read.</summary>
public sealed class DatasetCadenceTest
{
    private static string WithCadence(string cadence) =>
        Base.Replace("    time: disbursed_on\n", $"    time: disbursed_on\n    cadence: {cadence}\n", StringComparison.Ordinal);

    [Fact]
    public void Cadence_IsRead_AndSaysWhenAnImportIsOverdue()
    {
        var file = Read(WithCadence("monthly"), withBase: false);
        var loans = file.Datasets["loans"];
        Assert.Equal("monthly", loans.Cadence);
        Assert.Equal(new DateTime(2026, 3, 28, 8, 0, 0, DateTimeKind.Utc), loans.DueAfter(new DateTime(2026, 2, 28, 8, 0, 0, DateTimeKind.Utc)));
        Assert.Null(file.Datasets["companies"].Cadence);
        Assert.Null(file.Datasets["companies"].DueAfter(DateTime.UtcNow));
    }

    [Fact]
    public void Cadence_OtherThanWeeklyMonthlyQuarterly_IsRefusedWhereItIsWritten()
    {
        var text = WithCadence("daily");
        var line = text[..text.IndexOf("cadence:", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Refused(text, withBase: false).At(line, 14, "dataset 'loans': cadence 'daily' is not one of weekly, monthly, quarterly");
    }
}
