namespace Styrkort.Core.Language;

/// <summary>The syntax tree of the metric language. Pos is the offset in the expression text.</summary>
public abstract record Expr(int Pos);

public sealed record NumberLiteral(int Pos, string Text) : Expr(Pos);
public sealed record StringLiteral(int Pos, string Value) : Expr(Pos);
public sealed record BooleanLiteral(int Pos, bool Value) : Expr(Pos);
public sealed record NullLiteral(int Pos) : Expr(Pos);

/// <summary>A name, possibly qualified: <c>eur_sek</c>, <c>loans.amount</c>, <c>period.year</c>.</summary>
public sealed record NameRef(int Pos, IReadOnlyList<string> Parts) : Expr(Pos)
{
    public string Text => string.Join('.', Parts);
}

public sealed record Unary(int Pos, string Op, Expr Operand) : Expr(Pos);
public sealed record Binary(int Pos, string Op, Expr Left, Expr Right) : Expr(Pos);
public sealed record InList(int Pos, Expr Value, IReadOnlyList<Expr> Items, bool Negated) : Expr(Pos);
public sealed record IsEmpty(int Pos, Expr Value, bool Negated) : Expr(Pos);

/// <summary>
/// A function call. Aggregations carry clauses: <c>sum(loans.amount where … during ytd)</c>.
/// </summary>
public sealed record Call(int Pos, string Name, IReadOnlyList<Expr> Args, Clauses Clauses) : Expr(Pos);

public sealed record Clauses(
    Expr? Where = null,
    Expr? During = null,
    NameRef? On = null,
    NameRef? Over = null,
    NameRef? From = null,
    IReadOnlyList<Expr>? Per = null,
    IReadOnlyList<Expr>? By = null)
{
    public static readonly Clauses None = new();
    public bool IsEmpty => this == None;
}
