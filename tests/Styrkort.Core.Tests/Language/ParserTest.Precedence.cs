using Styrkort.Core.Diagnostics;
using Styrkort.Core.Language;

namespace Styrkort.Core.Tests.Language;

public sealed partial class ParserTest
{
    private static Expr Parse(string text) => Parser.Parse(text, offset => new SourceLocation("formula", 1, offset + 1));

    /// <summary>The tree as a prefix expression: (op left right), calls as name[args | clauses].</summary>
    private static string Show(Expr e) => e switch
    {
        NumberLiteral n => n.Text,
        StringLiteral s => $"'{s.Value}'",
        BooleanLiteral b => b.Value ? "true" : "false",
        NullLiteral => "null",
        NameRef n => n.Text,
        Unary u => $"({u.Op} {Show(u.Operand)})",
        Binary b => $"({b.Op} {Show(b.Left)} {Show(b.Right)})",
        InList i => $"({(i.Negated ? "not in" : "in")} {Show(i.Value)} {string.Join(" ", i.Items.Select(Show))})",
        IsEmpty i => $"({(i.Negated ? "is not empty" : "is empty")} {Show(i.Value)})",
        Call c => $"{c.Name}[{string.Join(", ", c.Args.Select(Show))}{ShowClauses(c.Clauses)}]",
        _ => throw new ArgumentException(e.GetType().Name),
    };

    private static string ShowClauses(Clauses c)
    {
        var parts = new List<string>();
        if (c.Where is { } w) parts.Add("where " + Show(w));
        if (c.During is { } d) parts.Add("during " + Show(d));
        if (c.On is { } on) parts.Add("on " + Show(on));
        if (c.Over is { } over) parts.Add("over " + Show(over));
        if (c.From is { } from) parts.Add("from " + Show(from));
        if (c.Per is { } per) parts.Add("per " + string.Join(" ", per.Select(Show)));
        if (c.By is { } by) parts.Add("by " + string.Join(" ", by.Select(Show)));
        return parts.Count == 0 ? "" : " | " + string.Join(" | ", parts);
    }

    [Theory]
    [InlineData("a + b * c", "(+ a (* b c))")]
    [InlineData("a * b + c", "(+ (* a b) c)")]
    [InlineData("(a + b) * c", "(* (+ a b) c)")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("a / b / c", "(/ (/ a b) c)")]
    [InlineData("-a * b", "(* (- a) b)")]
    [InlineData("a - -b", "(- a (- b))")]
    [InlineData("100 * (x - y) / z", "(/ (* 100 (- x y)) z)")]
    public void Parse_ArithmeticPrecedence(string text, string tree) => Assert.Equal(tree, Show(Parse(text)));

    [Theory]
    [InlineData("not a and b", "(and (not a) b)")]
    [InlineData("not (a and b)", "(not (and a b))")]
    [InlineData("a or b and c", "(or a (and b c))")]
    [InlineData("a and b or c", "(or (and a b) c)")]
    [InlineData("not not a", "(not (not a))")]
    [InlineData("not a = b", "(not (= a b))")]
    [InlineData("a = 1 or b = 2 and c", "(or (= a 1) (and (= b 2) c))")]
    public void Parse_LogicalPrecedence(string text, string tree) => Assert.Equal(tree, Show(Parse(text)));

    [Theory]
    [InlineData("a + 1 > b * 2", "(> (+ a 1) (* b 2))")]
    [InlineData("a <> b", "(!= a b)")]
    [InlineData("a != b", "(!= a b)")]
    [InlineData("a <= b and b >= c", "(and (<= a b) (>= b c))")]
    [InlineData("x.y = 'F'", "(= x.y 'F')")]
    [InlineData("a + 1 in (2, 3 * 4)", "(in (+ a 1) 2 (* 3 4))")]
    [InlineData("a in ('x') and b", "(and (in a 'x') b)")]
    [InlineData("a not in ('x', 'y')", "(not in a 'x' 'y')")]
    [InlineData("not a in (1)", "(not (in a 1))")]
    [InlineData("a is empty", "(is empty a)")]
    [InlineData("a.b is not empty or c is empty", "(or (is not empty a.b) (is empty c))")]
    [InlineData("a + b is not empty", "(is not empty (+ a b))")]
    public void Parse_ComparisonPrecedence(string text, string tree) => Assert.Equal(tree, Show(Parse(text)));

    [Theory]
    [InlineData("A AND NOT B", "(and A (not B))")]
    [InlineData("x NOT IN (1)", "(not in x 1)")]
    [InlineData("x Is Not Empty", "(is not empty x)")]
    [InlineData("SUM(x WHERE y)", "sum[x | where y]")]
    public void Parse_KeywordsIgnoreCase(string text, string tree) => Assert.Equal(tree, Show(Parse(text)));

    [Theory]
    [InlineData("1_000_000", "1000000")]
    [InlineData("0.25", "0.25")]
    [InlineData("'it''s'", "'it's'")]
    [InlineData("\"F\"", "'F'")]
    [InlineData("true or false", "(or true false)")]
    [InlineData("null", "null")]
    public void Parse_Literals(string text, string tree) => Assert.Equal(tree, Show(Parse(text)));

    [Fact]
    public void Parse_CommentRunsToEndOfLine() =>
        Assert.Equal("(+ a b)", Show(Parse("a # the first\n+ b # the second")));

    [Theory]
    [InlineData("sum(x where a > 1 during ytd on t)")]
    [InlineData("sum(x on t during ytd where a > 1)")]
    [InlineData("sum(x during ytd where a > 1 on t)")]
    public void Parse_ClausesInAnyOrder(string text) =>
        Assert.Equal("sum[x | where (> a 1) | during ytd | on t]", Show(Parse(text)));

    [Fact]
    public void Parse_AllClauses() =>
        Assert.Equal("first[p.x | where c | during rolling[36] | over pop | by p.time p.x]",
            Show(Parse("first(p.x by p.time, p.x over pop where c during rolling(36))")));

    [Fact]
    public void Parse_PerAndFrom() =>
        Assert.Equal("mean[mean[s] | during latest | from d | per u r]", Show(Parse("mean(mean(s) from d per u, r during latest)")));

    [Fact]
    public void Parse_WhereStopsAtTheNextClause() =>
        Assert.Equal("count[d | where (and (>= d.s 9) (not d.x)) | during months[(- 35), 0]]",
            Show(Parse("count(d where d.s >= 9 and not d.x during months(-35, 0))")));

    [Fact]
    public void Parse_CallWithoutArgumentsTakesClauses() =>
        Assert.Equal("count[ | during ytd | from loans]", Show(Parse("count(from loans during ytd)")));

    [Fact]
    public void Parse_FunctionNamesAreLowerCased() => Assert.Equal("if[a, 1, 2]", Show(Parse("IF(a, 1, 2)")));
}
