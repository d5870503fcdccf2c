using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Safety;

/// <summary>
/// Formulas made of random pieces of the language (fixed seeds, so a failure can be replayed): each either compiles
/// to SQL or is refused with a located <see cref="StyrkortException"/> — never another exception, which a web request
/// would turn into a 500.
/// </summary>
public sealed class FormulaFuzzTest
{
    private static readonly string[] Pieces =
    [
        "sum(", "count(", "median(", "share(", "first(", "min(", "count_distinct(", "at(", "if(", "coalesce(", "left(", "number(",
        "round(", "abs(", "growth(", "year(", "rolling(", "months(", "latest", "ytd", "period", "to_date", "loans.amount",
        "loans", "loans.phase", "loans.org_nr", "companies.gender", "financials.revenue", "fiscal_year", "customers", "regional",
        "period.year", "where", "during", "per", "by", "on", "over", "from", "(", ")", ")", ",", "+", "-", "*", "/", "=", "<",
        ">=", "!=", "not", "and", "or", "in", "is", "empty", "null", "true", "false", "'start'", "'F'", "'x''y'", "1", "0", "-1",
        "12", "2.5", "99999999999999999999", "1e5", "#", "\"", "'", ".", "__", "å",
    ];

    private static readonly string[] Aggregates = ["sum", "count", "median", "share", "min", "max", "mean", "first", "last", "count_distinct"];
    private static readonly string[] Windows = ["ytd", "period", "to_date", "rolling(12)", "rolling(0)", "months(-3, 0)", "months(2, 1)", "year(period.year - 1)", "latest", "latest(org_nr)", "year(99999999999)"];
    private static readonly string[] Columns = ["loans.amount", "loans.phase", "loans.org_nr", "loans.disbursed_on", "companies.gender", "financials.revenue", "loans", "customers", "regional", "companies"];
    private static readonly string[] Scalars = ["1", "0", "2.5", "'start'", "'F'", "null", "true", "period.year", "99999999999999999999", "-1"];

    /// <summary>A formula from the grammar, mostly well formed, with a random mistake here and there.</summary>
    private static string Grammar(Random r, int depth)
    {
        if (depth > 4 || r.Next(4) == 0) return r.Next(2) == 0 ? Scalars[r.Next(Scalars.Length)] : Columns[r.Next(Columns.Length)];
        string Sub() => Grammar(r, depth + 1);
        return r.Next(11) switch
        {
            0 => $"{Aggregates[r.Next(Aggregates.Length)]}({Columns[r.Next(Columns.Length)]}{(r.Next(2) == 0 ? " where " + Sub() : "")} during {Windows[r.Next(Windows.Length)]})",
            1 => $"({Sub()} {new[] { "+", "-", "*", "/", "=", "<", "and", "or", "!=" }[r.Next(9)]} {Sub()})",
            2 => $"-{Sub()}",
            3 => $"not {Sub()}",
            4 => $"if({Sub()}, {Sub()}, {Sub()})",
            5 => $"{new[] { "abs", "number", "round", "coalesce", "left", "least" }[r.Next(6)]}({Sub()}{(r.Next(2) == 0 ? ", " + Sub() : "")})",
            6 => $"{Sub()} in ({Sub()}, {Sub()})",
            7 => $"{Sub()} is {(r.Next(2) == 0 ? "not " : "")}empty",
            8 => $"median(customers.{Sub()} during {Windows[r.Next(Windows.Length)]})",
            9 => $"growth(financials.revenue, {Sub()}, {Sub()})",
            _ => $"{Aggregates[r.Next(Aggregates.Length)]}({Sub()} per {Columns[r.Next(Columns.Length)]} during {Windows[r.Next(Windows.Length)]})",
        };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomFormulas_CompileOrAreRefusedWithALocation(int seed)
    {
        var file = Read("");
        var random = new Random(seed);
        var period = Period.Parse("2026-Q2");
        for (var i = 0; i < 1500; i++)
        {
            var text = i % 2 == 0
                ? string.Join(" ", Enumerable.Range(0, random.Next(1, 16)).Select(_ => Pieces[random.Next(Pieces.Length)]))
                : Grammar(random, 0);
            var formula = new Formula(text, new SourceLocation("f.yaml", 1, 1), offset => new SourceLocation("f.yaml", 1, offset + 1));
            var metrics = new Dictionary<string, Metric>(file.Metrics, StringComparer.OrdinalIgnoreCase)
            {
                ["m"] = new Metric("m", formula, null, null, null, formula.Location),
            };
            try
            {
                _ = MetricCompiler.Compile(file with { Metrics = metrics }, "m", period).Sql(DuckDbDialect.Instance);
            }
            catch (StyrkortException e)
            {
                // In the formula, or in the body of a goal-file function it calls.
                Assert.True(e.Location.Line > 0 && e.Location.File.Length > 0, $"seed {seed}, formula {i}: «{text}»: no location: {e.Message}");
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, formula {i}: «{text}» threw {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
