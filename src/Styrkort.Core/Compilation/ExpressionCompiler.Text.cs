using Styrkort.Core.Diagnostics;
using Styrkort.Core.Language;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

/// <summary>Functions from text to numbers: codes that are numbers by convention (account 3010, region 04) and their prefixes.</summary>
internal sealed partial class ExpressionCompiler
{
    // Anchored, so that it is a full match in every dialect (PostgreSQL's regular-expression match is a search).
    private const string DecimalPattern = @"^\s*-?[0-9]+(\.[0-9]+)?\s*$";

    /// <summary>number(text): the text read as a number ('0351' is 351); no value when it is not one, never an error.</summary>
    private Typed Number(Call c, Scope s, Env env)
    {
        if (c.Args.Count != 1) throw new StyrkortException(env.At(c), "number(text) takes one argument");
        var arg = Compile(c.Args[0], s, env);
        Require(arg, ValueType.Text, c.Args[0], env, "in number(…)");
        var isNumber = Sql.Sql.Func("regexp_full_match", arg.Sql, Sql.Sql.Lit(DecimalPattern));
        var value = new SqlCast(Sql.Sql.Func("trim", arg.Sql), SqlType.Double);
        return new Typed(new SqlCase([(isNumber, value)], null), ValueType.Number);
    }

    /// <summary>left(text, n): the first n characters ('15101' → '1510' with n = 4).</summary>
    private Typed Left(Call c, Scope s, Env env)
    {
        if (c.Args.Count != 2) throw new StyrkortException(env.At(c), "left(text, n) takes a text and a number of characters");
        var text = Compile(c.Args[0], s, env);
        Require(text, ValueType.Text, c.Args[0], env, "in left(…)");
        var count = Compile(c.Args[1], s, env);
        if (count.Type != ValueType.Integer) throw new StyrkortException(env.At(c.Args[1]), "left(text, n) needs a whole number of characters");
        // INTEGER: PostgreSQL has left(text, int) only.
        return new Typed(Sql.Sql.Func("left", text.Sql, new SqlCast(count.Sql, SqlType.Integer)), ValueType.Text);
    }
}
