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
    private int _depth;

    private Parser(string text, Func<int, SourceLocation> locate)
    {
        _locate = locate;
        _tokens = Lexer.Tokenize(text, locate);
    }

    public static Expr Parse(string text, Func<int, SourceLocation> locate)
    {
        if (text.Length > Limits.FormulaChars)
            throw new StyrkortException(locate(0), $"the formula is {text.Length} characters long; a formula has at most {Limits.FormulaChars}");
        var parser = new Parser(text, locate);
        if (parser.Peek.Kind == TokenKind.End) throw parser.Error("an expression");
        var expr = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End) throw parser.Error("an operator or the end of the expression");
        CheckDepth(expr, locate);
        return expr;
    }

    private static StyrkortException TooDeep(SourceLocation at) =>
        new(at, $"the formula nests more than {Limits.FormulaDepth} levels deep (parentheses, calls, operators); split it into values or metrics");

    /// <summary>
    /// The parser recurses once per parenthesis, call, unary minus or not: past the limit it stops there, before the
    /// stack can overflow.
    /// </summary>
    private void Enter()
    {
        if (++_depth > Limits.FormulaDepth) throw TooDeep(_locate(Peek.Pos));
    }

    /// <summary>
    /// A chain of operators (1 + 1 + … + 1) is parsed by a loop but builds a tree as deep as the chain, and the compiler
    /// and the SQL renderer recurse along it: measured here without recursion.
    /// </summary>
    private static void CheckDepth(Expr root, Func<int, SourceLocation> locate)
    {
        var stack = new Stack<(Expr Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > Limits.FormulaDepth) throw TooDeep(locate(node.Pos));
            foreach (var child in Children(node)) stack.Push((child, depth + 1));
        }
    }

    private static IEnumerable<Expr> Children(Expr e) => e switch
    {
        Unary u => [u.Operand],
        Binary b => [b.Left, b.Right],
        InList i => [i.Value, .. i.Items],
        IsEmpty i => [i.Value],
        Call c => [.. c.Args, .. new[] { c.Clauses.Where, c.Clauses.During, c.Clauses.On, c.Clauses.Over, c.Clauses.From }.OfType<Expr>(),
                   .. c.Clauses.Per ?? [], .. c.Clauses.By ?? []],
        _ => [],
    };

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
        Enter();
        var left = ParseAnd();
        while (IsWord("or")) { var pos = Next().Pos; left = new Binary(pos, "or", left, ParseAnd()); }
        _depth--;
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
        Enter();
        var pos = Next().Pos;
        var not = new Unary(pos, "not", ParseNot());
        _depth--;
        return not;
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
        Enter();
        var pos = Next().Pos;
        var minus = new Unary(pos, "-", ParseUnary());
        _depth--;
        return minus;
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
