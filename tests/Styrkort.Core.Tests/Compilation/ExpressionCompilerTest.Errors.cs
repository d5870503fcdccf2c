using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Compilation;

/// <summary>Name and type errors in formulas, found by MetricCompiler.CheckAll, point at the offending name or operator.</summary>
public sealed class ExpressionCompilerTest
{
    /// <summary>A goal file with one metric m; the error points at the first occurrence of <paramref name="marker"/>.</summary>
    private static void AssertRefused(string formula, string marker, string phrase)
    {
        var yaml = $"metrics:\n  m: {formula}\n";
        Refused(yaml).At(Position(yaml, marker), phrase);
    }

    [Fact]
    public void Check_ValidFormulas() => Read("""
        parameters:
          bound: 1000.5
        values:
          last_year: max(financials.fiscal_year where financials.fiscal_year <= period.year - 1)
        metrics:
          total: sum(loans.amount during ytd)
          per_loan: total / count(loans during ytd)
          big: count(loans where loans.amount > bound and companies.region in ('01', '02') during rolling(12))
          growth_median: 100 * median(growth(financials.revenue, last_year - 1, last_year) over regional where companies.gender is not empty)
          early: 100 * share(first(customers.time by customers.time) >= period.start over customers during period)
          mixed: if(abs(round(total, 2)) > 0, coalesce(least(total, 5), greatest(1, 2)), 0)

        """);

    [Theory]
    [InlineData("sum(loans.amout during ytd)", "loans.amout", "dataset 'loans' has no column 'amout'; its columns: loan_id, org_nr, unit_id, disbursed_on, amount, phase")]
    [InlineData("sum(loans.amount during ytd) * rate", "rate", "unknown name 'rate'")]
    [InlineData("sum(amount from loans where phase = 'start' and region = '01')", "region", "unknown name 'region'; known here: loan_id, org_nr")]
    [InlineData("sum(loans.amount where companies.name = 'x')", "companies.name", "dataset 'companies' has no column 'name'")]
    [InlineData("sum(loans.amount where financials.revenue > 0)", "financials.revenue", "dataset 'loans' has no column that references 'financials'")]
    [InlineData("summ(loans.amount)", "summ", "unknown function 'summ'; expected one of: if, coalesce")]
    [InlineData("sum(loans.amount during ytdd)", "ytdd", "unknown window 'ytdd'; expected ytd, period, to_date, rolling(N), months(from, to)")]
    [InlineData("sum(loans.amount during rolling(0))", "rolling", "rolling(N) needs N ≥ 1 months")]
    [InlineData("sum(loans.amount during months(0, -1))", "months", "months(from, to) needs from ≤ to")]
    [InlineData("sum(loans.amount on loan_id during ytd)", "sum", "'loan_id' is not a date, month or year; a window needs one")]
    [InlineData("sum(loans.amount on disbursed_on)", "disbursed_on", "'on' names the time column of a window; add 'during …'")]
    [InlineData("count(customers over clients during ytd)", "clients", "unknown population 'clients'")]
    [InlineData("count(from loan)", "loan", "unknown dataset 'loan'")]
    [InlineData("sum(1)", "sum", "cannot tell which dataset sum(…) reads")]
    [InlineData("loans.amount", "loans.amount", "'loans.amount' cannot be used at the level of a metric")]
    [InlineData("period.decade", "period.decade", "unknown period variable 'decade'")]
    public void Check_UnknownName(string formula, string marker, string phrase) => AssertRefused(formula, marker, phrase);

    [Theory]
    [InlineData("sum(loans.phase during ytd)", "loans.phase", "expected a number in sum(…), found text")]
    [InlineData("2 * ('a' + 1)", "'a'", "expected a number on the left of '+', found text")]
    // An error in an operation points at its operator.
    [InlineData("1 - (1 > 0)", "> 0", "expected a number on the right of '-', found a condition (true/false)")]
    [InlineData("count(loans where loans.phase = 'startup')", "=", "'startup' is not one of the codes start, expansion, established")]
    [InlineData("count(loans where loans.phase in ('start', 'seed'))", "'seed'", "'seed' is not one of the codes start, expansion, established")]
    [InlineData("count(loans where loans.amount = 'big')", "=", "cannot compare an exact decimal with text")]
    [InlineData("count(loans where loans.disbursed_on > 2026)", ">", "cannot compare a date with an integer")]
    [InlineData("count(loans where loans.amount)", "loans.amount", "expected a condition (true/false) after 'where', found an exact decimal")]
    [InlineData("count(loans where not loans.phase)", "loans.phase", "expected a condition (true/false) after 'not'")]
    [InlineData("share(loans.amount during ytd)", "loans.amount", "expected a condition (true/false) in share(…)")]
    [InlineData("if(1, 2, 3)", "1", "expected a condition (true/false) as the condition of if")]
    [InlineData("if(1 > 0, 2, 'x')", "if", "the alternatives have different types: an integer and text")]
    [InlineData("round(sum(loans.amount), 0.5)", "round", "round(x, decimals) needs a whole number of decimals")]
    [InlineData("first(loans.amount)", "first", "first(…) needs 'by', the order of the rows")]
    [InlineData("sum(loans.amount by loans.disbursed_on)", "sum", "'by' orders the rows for first(…) and last(…) only")]
    [InlineData("sum(loans.amount, 2)", "sum", "sum(…) takes one argument, then its clauses")]
    [InlineData("abs(1 where 2)", "abs", "abs(…) takes no clauses; only aggregations do")]
    public void Check_TypeError(string formula, string marker, string phrase) => AssertRefused(formula, marker, phrase);

    [Fact]
    public void Check_MetricMustBeANumber()
    {
        const string yaml = "metrics:\n  m: count(loans during ytd) > 0\n";
        Refused(yaml).At(Position(yaml, "count"), "metric 'm' must be a number, but is a condition (true/false)");
    }

    [Theory]
    [InlineData("mean(at(financials.revenue) over regional)", "at(", "at(…) must fix exactly the key of 'financials' (org_nr, fiscal_year); org_nr comes from the entity")]
    [InlineData("mean(at(financials.revenue, revenue = 1, fiscal_year = 2024) over regional)", "at(", "at(…) must fix exactly the key of 'financials'")]
    [InlineData("mean(at(financials.revenue, year = 2024) over regional)", "= 2024", "expected key = value with a column of 'financials'")]
    [InlineData("mean(at(financials.revenue, fiscal_year = '2024') over regional)", "= '2024'", "cannot compare an integer with text")]
    [InlineData("mean(at(loans.amount, loan_id = 'x') over regional)", "at(", "at(…) must fix exactly the key of 'loans' (loan_id)")]
    [InlineData("mean(at(units.unit_id, unit_id = 'x') over regional)", "units.unit_id", "dataset 'units' has no column that references 'companies'")]
    [InlineData("sum(at(financials.revenue, fiscal_year = 2024) from loans)", "at(", "at(…) looks up a value of an entity; use it inside an aggregation over a population")]
    public void Check_Lookup(string formula, string marker, string phrase) => AssertRefused(formula, marker, phrase);

    [Theory]
    [InlineData("count(customers over customers during latest)", "latest", "a population needs a window with a start and an end, not latest")]
    [InlineData("count(customers over customers)", "count", "population 'customers' is made of entities met within a window; add 'during …'")]
    [InlineData("count(regional over regional during ytd)", "ytd", "population 'regional' is defined by region; it takes no window")]
    [InlineData("count(regional over regional per region)", "count", "an aggregation over a population takes 'where', 'during' and 'by'")]
    [InlineData("mean(count(regional) over regional)", "count(regional)", "population 'regional' is defined by region and has no member rows to aggregate")]
    [InlineData("share(customers.phase = 'start' over customers during ytd)", "customers.phase", "a column of the member rows of an entity, of which it may have many")]
    [InlineData("mean(sum(loans.amount during ytd) per org_nr)", "sum(loans", "an inner aggregate takes only 'where' and 'by'")]
    [InlineData("mean(sum(loans.amount) per companies.region)", "companies.region", "'per' takes columns of 'loans'")]
    [InlineData("mean(loans.amount per org_nr)", "loans.amount", "'loans.amount' is not one of the 'per' columns")]
    [InlineData("sum(count(loans))", "count", "count(…) cannot stand inside an aggregation over loans; to aggregate in two steps, use 'per'")]
    [InlineData("sum(loans.amount during latest(region))", "latest", "latest(…): dataset 'loans' has no column 'region'")]
    public void Check_WindowsAndPopulations(string formula, string marker, string phrase) => AssertRefused(formula, marker, phrase);

    [Fact]
    public void Check_MetricReferringToItself()
    {
        AssertRefused("m + 1", "m + 1", "metric 'm' refers to itself");
        const string yaml = "metrics:\n  a: b + 1\n  b: 2 * a\n";
        Refused(yaml).At(Position(yaml, "a\n"), "metric 'a' refers to itself");
    }

    [Fact]
    public void Check_ValueReferringToItself()
    {
        // The cycle is reported where it closes, seen from the first value checked.
        const string yaml = "values:\n  first: last - 1\n  last: first + 1\n";
        Refused(yaml).At(Position(yaml, "last - 1"), "value 'last' refers to itself");
        const string direct = "values:\n  v: v + 1\n";
        Refused(direct).At(Position(direct, "v + 1"), "value 'v' refers to itself");
    }

    [Theory]
    [InlineData("median(growth(financials.revenue, 2024) over regional)", "growth(", "growth takes 3 argument(s) (measure, from_year, to_year), found 2")]
    [InlineData("median(growth(financials.revenue, 2024, 2025, 2026) over regional)", "growth(", "growth takes 3 argument(s) (measure, from_year, to_year), found 4")]
    public void Check_FunctionArguments(string formula, string marker, string phrase) => AssertRefused(formula, marker, phrase);

    [Fact]
    public void Check_ErrorInFunctionArgumentPointsAtTheCall()
    {
        const string yaml = "metrics:\n  m: median(growth(companies.region, 2024, 2025) over regional)\n";
        Refused(yaml).At(Position(yaml, "companies.region"), "dataset 'companies' has no column that references 'companies'");
    }

    [Fact]
    public void Check_ErrorInFunctionBodyPointsIntoTheFunction()
    {
        // growth(measure, from_year, to_year) compares fiscal_year with from_year: a text argument fails there, in its definition.
        const string yaml = "metrics:\n  m: median(growth(financials.revenue, 'x', 2025) over regional)\n";
        var definition = Base.Split('\n').Select((line, i) => (line, i)).Single(l => l.line.Contains("growth(measure", StringComparison.Ordinal));
        Refused(yaml).At(definition.i + 1, definition.line.IndexOf("= from_year", StringComparison.Ordinal) + 1, "cannot compare an integer with text");
    }

    [Theory]
    [InlineData("values:\n  v: sum(loans.amount)\n", "sum", "'loans' has rows per unit; it cannot be aggregated in a value computed once per period")]
    [InlineData("values:\n  v: count(customers over customers during ytd)\n", "count", "population 'customers' is per unit; it cannot be used in a value computed once per period")]
    [InlineData("metrics:\n  n: 1\n  o: sum(financials.revenue where n > 0)\n", "n > 0", "metric 'n' is a value per unit; it cannot be used inside an aggregation over financials")]
    public void Check_ScopeError(string yaml, string marker, string phrase) => Refused(yaml).At(Position(yaml, marker), phrase);
}
