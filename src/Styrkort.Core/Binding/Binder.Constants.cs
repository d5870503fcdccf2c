using Styrkort.Core.Diagnostics;
using Styrkort.Core.Language;

namespace Styrkort.Core.Binding;

internal sealed partial class Binder
{
    /// <summary>What may stand where a whole number is needed before any data is read, for error messages.</summary>
    public const string ConstantHelp = "a number, a parameter, a function's blank given one, or + − * of them";

    /// <summary>
    /// The value of a constant expression — literals, parameters, a function's blanks bound to constants, and + − *
    /// and unary minus of them — folded at bind time, so that a window's months or round's decimals may be named once
    /// as a parameter. Null when the expression is not constant (a column, a value read from data, a division…).
    /// </summary>
    private decimal? Constant(Expr e, Env env)
    {
        (e, env) = Unbind(e, env);
        try
        {
            return e switch
            {
                NumberLiteral n => Number(n, env).Value switch { long l => l, decimal d => d, _ => null },
                NameRef { Parts.Count: 1 } n when File.Parameters.TryGetValue(n.Parts[0], out var p) => p.Value,
                Unary { Op: "-" } u => -Constant(u.Operand, env),
                Binary { Op: "+" or "-" or "*" } b when Constant(b.Left, env) is { } l && Constant(b.Right, env) is { } r =>
                    b.Op switch { "+" => l + r, "-" => l - r, _ => l * r },
                _ => null,
            };
        }
        catch (OverflowException)
        {
            throw new StyrkortException(env.At(e), "the constant is too large");
        }
    }

    /// <summary>A constant whole number, or null when <paramref name="e"/> is not constant or not whole.</summary>
    private long? WholeConstant(Expr e, Env env) =>
        Constant(e, env) is { } v && v == decimal.Truncate(v) && v is >= long.MinValue and <= long.MaxValue ? (long)v : null;

    /// <summary>
    /// A bound expression folded to its value when it is made of constants only (literals, parameters, blanks given
    /// them, + − * and unary minus); null otherwise. Names are resolved first, so a column never passes for a parameter.
    /// </summary>
    internal static decimal? Fold(BoundExpr e)
    {
        try
        {
            return e switch
            {
                BoundLiteral { Value: long l } => l,
                BoundLiteral { Value: decimal d } => d,
                BoundUnary { Op: "-" } u => -Fold(u.Operand),
                BoundBinary { Kind: BinaryKind.Arithmetic or BinaryKind.WideMultiply, Op: "+" or "-" or "*" } b
                    when Fold(b.Left) is { } l && Fold(b.Right) is { } r => b.Op switch { "+" => l + r, "-" => l - r, _ => l * r },
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A bound constant that is a whole number, as an integer literal; otherwise the expression itself.</summary>
    internal static BoundExpr AsWhole(BoundExpr e) =>
        e is not BoundLiteral { Value: long } && Fold(e) is { } v && v == decimal.Truncate(v) && v is >= long.MinValue and <= long.MaxValue
            ? new BoundLiteral((long)v, Compilation.ValueType.Integer)
            : e;
}
