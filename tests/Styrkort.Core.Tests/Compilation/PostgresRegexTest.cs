using Styrkort.Core.Sql;

namespace Styrkort.Core.Tests.Compilation;

public sealed class PostgresRegexTest
{
    [Fact]
    public void RegexpFullMatch_IsAnchoredSoThatItMatchesTheWholeText()
    {
        var match = new SqlFunc("regexp_full_match", [new SqlColumn("r", "account"), new SqlLiteral("[0-9]{4}")]);

        Assert.Equal("(\"r\".\"account\" ~ ('^(?:' || '[0-9]{4}' || ')$'))", PostgresDialect.Instance.Expr(match));
        Assert.Equal("regexp_full_match(\"r\".\"account\", '[0-9]{4}')", DuckDbDialect.Instance.Expr(match));
    }
}
