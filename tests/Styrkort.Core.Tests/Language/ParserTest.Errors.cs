using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Language;

/// <summary>Syntax errors in formulas point at the file, line and column of the offending character.</summary>
public sealed partial class ParserTest
{
    [Fact]
    public void Error_UnterminatedString()
    {
        const string yaml = "metrics:\n  m: count(loans where loans.phase = 'start during ytd)\n";
        Refused(yaml).At(BaseLines + 2, 38, "unterminated string; expected a closing '");
        Refused(yaml).At(Position(yaml, "'start"), "unterminated string");
    }

    [Fact]
    public void Error_UnexpectedCharacter()
    {
        const string yaml = "metrics:\n  m: sum(loans.amount during ytd) ; 2\n";
        Refused(yaml).At(Position(yaml, ";"), "unexpected character ';'");
    }

    [Fact]
    public void Error_MissingClosingParenthesis()
    {
        const string yaml = "metrics:\n  m: 100 * (sum(loans.amount during ytd) + 1\n";
        // The end of the formula: just after its last character.
        Refused(yaml).At(BaseLines + 2, 6 + "100 * (sum(loans.amount during ytd) + 1".Length, "expected ')', found the end of the expression");
    }

    [Fact]
    public void Error_MissingClosingParenthesisOfCall()
    {
        const string yaml = "metrics:\n  m: sum(loans.amount during ytd + 1\n";
        Refused(yaml).At(Position(yaml, "+ 1"), "expected ',', ')' or a clause (where, during, on, over, from, per, by), found '+'");
    }

    [Fact]
    public void Error_ClauseGivenTwice()
    {
        const string yaml = "metrics:\n  m: sum(loans.amount during ytd where loans.amount > 0 during period)\n";
        Refused(yaml).At(Position(yaml, "during period"), "'during' is given twice in this call");
    }

    [Fact]
    public void Error_EmptyFormula()
    {
        const string yaml = "metrics:\n  m: ''\n";
        // Inside the quotes: the expression would start just after the opening quote.
        Refused(yaml).At(BaseLines + 2, 7, "expected an expression, found the end of the expression");
    }

    [Fact]
    public void Error_ClauseWordWhereAValueIsExpected()
    {
        const string yaml = "metrics:\n  m: sum(loans.amount during) + 1\n";
        Refused(yaml).At(Position(yaml, ")"), "expected a value: a number, a 'string', a name or '('");
    }

    [Fact]
    public void Error_CallWhereAClauseNeedsAName()
    {
        const string yaml = "metrics:\n  m: count(loans on disbursed_on(1) during ytd)\n";
        Refused(yaml).At(Position(yaml, "disbursed_on("), "expected a name");
    }

    [Fact]
    public void Error_InSecondLineOfFoldedBlock()
    {
        const string yaml = "metrics:\n  m: >-\n    sum(loans.amount during ytd)\n    + 'abc\n";
        Refused(yaml).At(BaseLines + 4, 7, "unterminated string");
    }

    [Fact]
    public void Error_InMoreIndentedSecondLineOfFoldedBlock()
    {
        // YAML keeps the extra indentation (and the line break) of a more-indented line of a folded block.
        const string yaml = "metrics:\n  m: >-\n    100 * sum(loans.amount\n              during ytd) ; 2\n";
        Refused(yaml).At(BaseLines + 4, 27, "unexpected character ';'");
        Refused(yaml).At(Position(yaml, ";"), "unexpected character ';'");
    }

    [Fact]
    public void Error_AfterMoreIndentedLineOfFoldedBlock()
    {
        const string yaml = "metrics:\n  m: >-\n    sum(loans.amount\n        during ytd)\n    + 'abc\n";
        Refused(yaml).At(BaseLines + 5, 7, "unterminated string");
    }

    [Fact]
    public void Error_AfterBlankLineOfFoldedBlock()
    {
        const string yaml = "metrics:\n  m: >-\n    sum(loans.amount during ytd)\n\n    + 1 ;\n";
        Refused(yaml).At(Position(yaml, ";"), "unexpected character ';'");
    }

    [Fact]
    public void Error_InLiteralBlockWithComment()
    {
        const string yaml = "metrics:\n  m: |\n    sum(loans.amount during ytd)  # all loans\n      + 1 $\n";
        Refused(yaml).At(Position(yaml, "$"), "unexpected character '$'");
    }

    [Fact]
    public void Error_InContinuationOfPlainScalar()
    {
        const string yaml = "metrics:\n  m: sum(loans.amount during ytd)\n       + 1 ;\n";
        Refused(yaml).At(Position(yaml, ";"), "unexpected character ';'");
    }

    [Fact]
    public void Error_InQuotedScalar()
    {
        const string yaml = "metrics:\n  m: \"sum(loans.amount during ytd) ; 1\"\n";
        Refused(yaml).At(Position(yaml, ";"), "unexpected character ';'");
    }

    [Fact]
    public void Error_InValue()
    {
        const string yaml = "values:\n  first_year: 2020\n  last_year: first_year + ;\n";
        Refused(yaml).At(Position(yaml, ";"), "unexpected character ';'");
    }
}
