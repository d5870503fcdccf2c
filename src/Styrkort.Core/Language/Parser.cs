using System.Globalization;
using Styrkort.Core.Diagnostics;

namespace Styrkort.Core.Language;

/// <summary>
/// Recursive-descent parser of the metric language. Precedence, loosest first:
/// or, and, not, comparison (= != &lt; &lt;= &gt; &gt;= in, is empty), + -, * /, unary -.
/// </summary>
public sealed class Parser
{
    internal static readonly HashSet<string> ClauseWords = ["where", "during", "on", "over", "from", "per", "by"];
    private static readonly HashSet<string> Reserved = ["and", "or", "not", "in", "is", "empty", "true", "false", "null", .. ClauseWords];

    private readonly List<Token> _tokens;
    private readonly Func<int, SourceLocation> _locate;
    private int _at;

    private Parser(string text, Func<int, SourceLocation> locate)
    {
        _locate = locate;
        _tokens = Lexer.Tokenize(text, locate);
    }

    public static Expr Parse(string text, Func<int, SourceLocation> locate)
    {
        var parser = new Parser(text, locate);
        if (parser.Peek.Kind == TokenKind.End) throw parser.Error("an expression");
        var expr = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End) throw parser.Error("an operator or the end of the expression");
        return expr;
    }

    private Token Peek => _tokens[_at];
    private Token Next() => _tokens[_at++];
    private bool IsWord(string word) => Peek.Kind == TokenKind.Ident && Peek.Text.Equals(word, StringComparison.OrdinalIgnoreCase);
    private bool IsSymbol(string symbol) => Peek.Kind == TokenKind.Symbol && Peek.Text == symbol;

    private StyrkortException Error(string expected)
    {
        var found = Peek.Kind == TokenKind.End ? "the end of the expression" : $"'{Peek.Text}'";
        return new StyrkortException(_locate(Peek.Pos), $"expected {expected}, found {found}");
    }

    private void Expect(string symbol)
    {
        if (!IsSymbol(symbol)) throw Error($"'{symbol}'");
        _at++;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or")) { var pos = Next().Pos; left = new Binary(pos, "or", left, ParseAnd()); }
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (IsWord("and")) { var pos = Next().Pos; left = new Binary(pos, "and", left, ParseNot()); }
        return left;
    }

    private Expr ParseNot()
    {
        if (!IsWord("not")) return ParseComparison();
        var pos = Next().Pos;
        return new Unary(pos, "not", ParseNot());
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        if (Peek.Kind == TokenKind.Symbol && Peek.Text is "=" or "!=" or "<>" or "<" or "<=" or ">" or ">=")
        {
            var op = Next();
            return new Binary(op.Pos, op.Text == "<>" ? "!=" : op.Text, left, ParseAdditive());
        }
        if (IsWord("is"))
        {
            var pos = Next().Pos;
            var negated = IsWord("not");
            if (negated) _at++;
            if (!IsWord("empty")) throw Error("'empty' after 'is'");
            _at++;
            return new IsEmpty(pos, left, negated);
        }
        var notIn = IsWord("not") && _tokens[_at + 1].Kind == TokenKind.Ident && _tokens[_at + 1].Text.Equals("in", StringComparison.OrdinalIgnoreCase);
        if (IsWord("in") || notIn)
        {
            var pos = Peek.Pos;
            _at += notIn ? 2 : 1;
            Expect("(");
            var items = new List<Expr> { ParseAdditive() };
            while (IsSymbol(",")) { _at++; items.Add(ParseAdditive()); }
            Expect(")");
            return new InList(pos, left, items, notIn);
        }
        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (IsSymbol("+") || IsSymbol("-")) { var op = Next(); left = new Binary(op.Pos, op.Text, left, ParseMultiplicative()); }
        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (IsSymbol("*") || IsSymbol("/")) { var op = Next(); left = new Binary(op.Pos, op.Text, left, ParseUnary()); }
        return left;
    }

    private Expr ParseUnary()
    {
        if (!IsSymbol("-")) return ParsePrimary();
        var pos = Next().Pos;
        return new Unary(pos, "-", ParseUnary());
    }

    private Expr ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _at++;
                return new NumberLiteral(token.Pos, token.Text);
            case TokenKind.String:
                _at++;
                return new StringLiteral(token.Pos, token.Text);
            case TokenKind.Symbol when token.Text == "(":
                _at++;
                var inner = ParseOr();
                Expect(")");
                return inner;
            case TokenKind.Ident:
                var word = token.Text.ToLowerInvariant();
                if (word is "true" or "false") { _at++; return new BooleanLiteral(token.Pos, word == "true"); }
                if (word == "null") { _at++; return new NullLiteral(token.Pos); }
                if (Reserved.Contains(word)) throw Error("a value");
                _at++;
                if (IsSymbol("(")) return ParseCall(token);
                var parts = new List<string> { token.Text };
                while (IsSymbol("."))
                {
                    _at++;
                    if (Peek.Kind != TokenKind.Ident) throw Error("a name after '.'");
                    parts.Add(Next().Text);
                }
                return new NameRef(token.Pos, parts);
            default:
                throw Error("a value: a number, a 'string', a name or '('");
        }
    }

    private Call ParseCall(Token name)
    {
        Expect("(");
        var args = new List<Expr>();
        if (!IsSymbol(")") && !IsClauseWord())
        {
            args.Add(ParseOr());
            while (IsSymbol(",")) { _at++; args.Add(ParseOr()); }
        }
        var clauses = Clauses.None;
        while (IsClauseWord())
        {
            var word = Next();
            var key = word.Text.ToLowerInvariant();
            clauses = key switch
            {
                "where" when clauses.Where is null => clauses with { Where = ParseOr() },
                "during" when clauses.During is null => clauses with { During = ParsePrimary() },
                "on" when clauses.On is null => clauses with { On = ParseName() },
                "over" when clauses.Over is null => clauses with { Over = ParseName() },
                "from" when clauses.From is null => clauses with { From = ParseName() },
                "per" when clauses.Per is null => clauses with { Per = ParseList() },
                "by" when clauses.By is null => clauses with { By = ParseList() },
                _ => throw new StyrkortException(_locate(word.Pos), $"'{key}' is given twice in this call"),
            };
        }
        if (!IsSymbol(")"))
            throw Error(args.Count == 0 && clauses.IsEmpty ? "an argument or ')'" : "',', ')' or a clause (where, during, on, over, from, per, by)");
        _at++;
        return new Call(name.Pos, name.Text.ToLower(CultureInfo.InvariantCulture), args, clauses);
    }

    private bool IsClauseWord() => Peek.Kind == TokenKind.Ident && ClauseWords.Contains(Peek.Text.ToLowerInvariant());

    private NameRef ParseName()
    {
        if (Peek.Kind != TokenKind.Ident || Reserved.Contains(Peek.Text.ToLowerInvariant())) throw Error("a name");
        var name = Peek;
        return ParsePrimary() as NameRef ?? throw new StyrkortException(_locate(name.Pos), $"expected a name, found a call of '{name.Text}(…)'");
    }

    private List<Expr> ParseList()
    {
        var items = new List<Expr> { ParseAdditive() };
        while (IsSymbol(",")) { _at++; items.Add(ParseAdditive()); }
        return items;
    }
}
