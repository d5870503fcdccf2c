using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

internal sealed partial class ExpressionCompiler
{
    private const string Builtins = "if, coalesce, abs, round, least, greatest, number, left, at, sum, count, count_distinct, mean, median, min, max, share, first, last";

    private Typed CompileCall(Call c, Scope s, Env env)
    {
        if (File.Functions.TryGetValue(c.Name, out var function)) return Expand(function, c, s, env);
        if (AggregateNames.Contains(c.Name)) return CompileAggregate(c, s, env);
        if (!c.Clauses.IsEmpty) throw new StyrkortException(env.At(c), $"{c.Name}(…) takes no clauses; only aggregations do");
        return c.Name switch
        {
            "if" => If(c, s, env),
            "coalesce" or "least" or "greatest" => Variadic(c, s, env),
            "abs" => Numeric1(c, s, env, "abs"),
            "round" => Round(c, s, env),
            "number" => Number(c, s, env),
            "left" => Left(c, s, env),
            "at" => Lookup(c, s, env),
            _ => throw new StyrkortException(env.At(c), $"unknown function '{c.Name}'; expected one of: {Builtins}" +
                 (File.Functions.Count > 0 ? ", or a function of the goal file: " + string.Join(", ", File.Functions.Keys) : "")),
        };
    }

    /// <summary>Goal-file functions are expanded in place, their parameters bound to the caller's expressions.</summary>
    private Typed Expand(Function function, Call c, Scope s, Env env)
    {
        if (c.Args.Count != function.Parameters.Count || !c.Clauses.IsEmpty)
            throw new StyrkortException(env.At(c), $"{function.Name} takes {function.Parameters.Count} argument(s) ({string.Join(", ", function.Parameters)}), found {c.Args.Count}");
        if (env.Depth > 32) throw new StyrkortException(env.At(c), $"function {function.Name} calls itself too deeply");
        var bindings = function.Parameters.Zip(c.Args).ToDictionary(p => p.First, p => (p.Second, env), StringComparer.OrdinalIgnoreCase);
        var body = Parser.Parse(function.Body.Text, function.Body.Locate);
        return Compile(body, s, new Env(function.Body, bindings, env.Depth + 1));
    }

    private Typed If(Call c, Scope s, Env env)
    {
        if (c.Args.Count is not (2 or 3)) throw new StyrkortException(env.At(c), "if(condition, then, else) takes 2 or 3 arguments");
        var cond = Compile(c.Args[0], s, env);
        Require(cond, ValueType.Boolean, c.Args[0], env, "as the condition of if");
        var then = Compile(c.Args[1], s, env);
        var otherwise = c.Args.Count == 3 ? Compile(c.Args[2], s, env) : new Typed(Sql.Sql.Lit(null), ValueType.Null);
        return new Typed(new SqlCase([(cond.Sql, then.Sql)], otherwise.Sql), Unify(then, otherwise, c, env));
    }

    private Typed Variadic(Call c, Scope s, Env env)
    {
        if (c.Args.Count < 2) throw new StyrkortException(env.At(c), $"{c.Name}(…) takes two or more arguments");
        var args = c.Args.Select(a => Compile(a, s, env)).ToList();
        var type = args.Skip(1).Aggregate(args[0].Type, (t, a) => Unify(new Typed(a.Sql, t), a, c, env));
        return new Typed(new SqlFunc(c.Name, args.Select(a => a.Sql).ToList()), type, args[0].Codes);
    }

    private Typed Numeric1(Call c, Scope s, Env env, string fn)
    {
        if (c.Args.Count != 1) throw new StyrkortException(env.At(c), $"{fn}(…) takes one argument");
        var arg = Compile(c.Args[0], s, env);
        RequireNumeric(arg, c.Args[0], env, $"in {fn}(…)");
        return arg with { Sql = Sql.Sql.Func(fn, arg.Sql) };
    }

    private Typed Round(Call c, Scope s, Env env)
    {
        if (c.Args.Count is not (1 or 2)) throw new StyrkortException(env.At(c), "round(x) or round(x, decimals)");
        var arg = Compile(c.Args[0], s, env);
        RequireNumeric(arg, c.Args[0], env, "in round(…)");
        var digits = c.Args.Count == 2 ? Compile(c.Args[1], s, env) : new Typed(Sql.Sql.Lit(0L), ValueType.Integer);
        if (digits.Type != ValueType.Integer) throw new StyrkortException(env.At(c), "round(x, decimals) needs a whole number of decimals");
        return arg with { Sql = Sql.Sql.Func("round", arg.Sql, digits.Sql) };
    }

    private static ValueType Unify(Typed a, Typed b, Expr at, Env env)
    {
        if (a.IsNumeric && b.IsNumeric) return Widest(a.Type, b.Type);
        if (a.Type == b.Type || b.Type == ValueType.Null) return a.Type;
        if (a.Type == ValueType.Null) return b.Type;
        throw new StyrkortException(env.At(at), $"the alternatives have different types: {Typed.Describe(a.Type)} and {Typed.Describe(b.Type)}");
    }

    /// <summary>
    /// at(dataset.column, key = value, …): the column of the one row of a dataset keyed by (entity, given keys).
    /// Every key column must be fixed, so that the join cannot fan out.
    /// </summary>
    private Typed Lookup(Call c, Scope s, Env env)
    {
        if (s is not EntityScope e)
            throw new StyrkortException(env.At(c), "at(…) looks up a value of an entity; use it inside an aggregation over a population");
        if (c.Args.Count < 1) throw new StyrkortException(env.At(c), "at(dataset.column, key = value, …)");
        var (target, targetEnv) = Unbind(c.Args[0], env);
        if (target is not NameRef { Parts.Count: 2 } columnRef || !File.Datasets.TryGetValue(columnRef.Parts[0], out var dataset))
            throw new StyrkortException(targetEnv.At(target), "at(…) needs a dataset column first, e.g. at(financials.net_revenue, fiscal_year = 2025)");
        var column = RequireColumn(dataset, columnRef.Parts[1], columnRef, targetEnv);
        var via = dataset.Columns.FirstOrDefault(col => Same(col.References ?? "", e.Entity.Name))
            ?? throw new StyrkortException(targetEnv.At(target), $"dataset '{dataset.Name}' has no column that references '{e.Entity.Name}'");
        var conditions = new List<(string Column, Typed Value)>();
        foreach (var arg in c.Args.Skip(1))
        {
            if (arg is not Binary { Op: "=", Left: NameRef { Parts.Count: 1 } key } eq || dataset.Find(key.Parts[0]) is not { } keyColumn)
                throw new StyrkortException(env.At(arg), $"expected key = value with a column of '{dataset.Name}'");
            var value = Compile(eq.Right, new ScalarScope(), env);
            CheckComparable(ColumnOf("x", keyColumn), value, eq, env);
            conditions.Add((keyColumn.Name, value));
        }
        var fixedColumns = conditions.Select(k => k.Column).Append(via.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (dataset.Key.Count == 0 || !dataset.Key.All(fixedColumns.Contains) || fixedColumns.Count != dataset.Key.Count)
            throw new StyrkortException(env.At(c),
                $"at(…) must fix exactly the key of '{dataset.Name}' ({string.Join(", ", dataset.Key)}); {via.Name} comes from the entity, give the rest as key = value");
        var signature = dataset.Name + "|" + string.Join("|", conditions.OrderBy(k => k.Column, StringComparer.Ordinal)
            .Select(k => k.Column + "=" + DuckDbDialect.Instance.Expr(k.Value.Sql)));
        if (!e.LookupAliases.TryGetValue(signature, out var alias))
        {
            alias = NextName("l");
            e.LookupAliases[signature] = alias;
            var on = conditions.Aggregate(Sql.Sql.Eq(Sql.Sql.Col(alias, via.Name), Sql.Sql.Col(e.PopAlias, "_entity")),
                (acc, k) => Sql.Sql.And(acc, Sql.Sql.Eq(Sql.Sql.Col(alias, k.Column), k.Value.Sql)));
            e.Lookups.Add(new SqlJoin(SqlJoinKind.Left, new SqlTable(dataset.Name, alias), on));
        }
        return ColumnOf(alias, column);
    }
}
