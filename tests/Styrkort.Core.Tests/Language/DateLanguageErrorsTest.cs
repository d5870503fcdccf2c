using Styrkort.Core.Compilation;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Language;

/// <summary>Misused dates, anchored windows, constants and 'on': each refused where it is written, with what is allowed.</summary>
public sealed class DateLanguageErrorsTest
{
    [Theory]
    [InlineData("5 - period.end", "period.end", "expected a number on the right of '-', found a date; a number of days is subtracted from a date (period.end - 30)")]
    [InlineData("period.end + period.start", "+", "cannot add two dates; add a whole number of days (period.end + 30)")]
    [InlineData("period.end - 1.5", "1.5", "expected a whole number of days on the right of '-', found an exact decimal")]
    [InlineData("period.end * 2", "period.end", "expected a number on the left of '*', found a date")]
    [InlineData("add_months(period.end, 1.5)", "1.5", "add_months(date, n) needs a whole number of months")]
    [InlineData("add_months(1, 1)", "1, 1", "expected a date in add_months(…), found an integer")]
    [InlineData("days_between(period.end, 3)", "3", "expected a date as the second argument of days_between(…), found an integer")]
    [InlineData("year_of(2026)", "2026", "expected a date in year_of(…), found an integer")]
    [InlineData("sum(loans.amount during months_after(loans.amount, 0, 3))", "loans.amount, 0", "expected a date as the anchor of months_after(…), found an exact decimal")]
    [InlineData("sum(loans.amount during months_after(loans.disbursed_on, 3, 3))", "months_after", "months_after(anchor, from, to) needs from < to")]
    [InlineData("sum(loans.amount during days_after(loans.disbursed_on, 0))", "days_after", "days_after(anchor, from, to) takes a date of the row and two whole numbers")]
    [InlineData("sum(loans.amount during months_after(loans.disbursed_on, 0, 1300))", "1300", "a window reaches at most 1200 months from the period")]
    [InlineData("count(customers over customers during months_after(period.start, 0, 3))", "months_after", "months_after(…) is relative to each row's own date: it is a window of an aggregation over a dataset, not over a population")]
    [InlineData("sum(financials.revenue during months_after(period.start, 0, 3))", "months_after", "'fiscal_year' is a year column; a window relative to each row's own date needs a date or month column")]
    [InlineData("sum(loans.amount during rolling(loans.amount))", "loans.amount)", "expected a whole number in rolling(…); it must be known before any data is read: a number, a parameter, a function's blank given one, or + − * of them")]
    [InlineData("sum(loans.amount during months(0, 1 / 2))", "/ 2", "expected a whole number in months(…); it must be known before any data is read")]
    [InlineData("sum(loans.amount during months(0, 1.5))", "1.5", "expected a whole number in months(…)")]
    [InlineData("count(loans on companies.region during ytd)", "count", "'region' is not a date, month or year; a window needs one")]
    [InlineData("count(loans on financials.fiscal_year during ytd)", "financials.fiscal_year", "dataset 'loans' has no column that references 'financials'")]
    [InlineData("count(loans on companies.founded during ytd)", "companies.founded", "dataset 'companies' has no column 'founded'")]
    [InlineData("period.weeks", "period.weeks", "unknown period variable 'weeks'; expected period.year, period.quarter, period.month, period.week, period.start, period.end, period.days or period.months")]
    public void Misuse_IsRefusedWhereItIsWritten(string formula, string marker, string phrase)
    {
        var yaml = $"metrics:\n  m: {formula}\n";
        Refused(yaml).At(Position(yaml, marker), phrase);
    }

    [Fact]
    public void Constants_AreFoldedWhereAWholeNumberIsNeeded()
    {
        // A parameter, arithmetic of one, a function's blank given one: all known before any data is read.
        var file = Read("""
            parameters:
              n: 12
              places: 2
            metrics:
              a: sum(loans.amount during months(-n, -n))
              b: sum(loans.amount during rolling(2 * n - 1) where loans.disbursed_on >= period.end - 30)
              c: round(sum(loans.amount during ytd), places)
              d: count(loans where left(loans.loan_id, places - 1) = 'L' during months_after(loans.disbursed_on, -n, n + 1))
              e: months_between(period.start, add_months(period.end, n))

            """);
        Assert.Equal(5, file.Metrics.Count);
    }

    [Theory]
    [InlineData("count(invoices on customers.acquired_on during latest)", "customers.acquired_on during latest", "latest takes the time of the rows of 'invoices' itself")]
    [InlineData("sum(invoices.amount during months_after(customers.customer_id, 0, 3))", "customers.customer_id", "expected a date as the anchor of months_after(…), found text")]
    [InlineData("sum(invoices.amount during months_after(invoices.invoiced_on, 0, horizon * 500))", "* 500", "a window reaches at most 1200 months from the period")]
    [InlineData("sum(invoices.amount during days_after(invoices.invoiced_on, 0, 1.5))", "1.5", "expected a whole number in days_after(…)")]
    public void Misuse_OfReferencesAndAnchors_IsRefusedWhereItIsWritten(string formula, string marker, string phrase)
    {
        var yaml = DateData.Header + $"metrics:\n  m: {formula}\n";
        Refused(yaml, withBase: false).At(Position(yaml, marker, withBase: false), phrase);
    }

    [Fact]
    public void Lineage_NamesTheDatasetsAWindowReadsThroughAReference()
    {
        var path = Write(DateData.Header + """
            metrics:
              by_acquisition: count(invoices on customers.acquired_on during period)
              cohort: sum(monthly.amount during months_after(customers.acquired_on, 0, 3))
              own: count(invoices during period)

            """);
        try
        {
            var file = GoalFileReader.Read(path);
            Assert.Equal(["customers", "invoices"], MetricLineage.Datasets(file, "by_acquisition"));
            Assert.Equal(["customers", "monthly"], MetricLineage.Datasets(file, "cohort"));
            Assert.Equal(["invoices"], MetricLineage.Datasets(file, "own"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
