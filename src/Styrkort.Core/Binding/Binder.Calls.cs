using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;

namespace Styrkort.Core.Binding;

internal sealed partial class Binder
{
    private BoundExpr BindCall(Call c, BindScope s, Env env)
    {
        if (File.Functions.TryGetValue(c.Name, out var function)) return Expand(function, c, s, env);
        var builtin = Builtins.Find(c.Name);
        if (builtin?.Kind == BuiltinKind.Aggregate) return BindAggregate(c, builtin, s, env);
        if (!c.Clauses.IsEmpty) throw new StyrkortException(env.At(c), $"{c.Name}(…) takes no clauses; only aggregations do");
        if (builtin is null)
            throw new StyrkortException(env.At(c), $"unknown function '{c.Name}'; expected one of: {Builtins.Names}" +
                (File.Functions.Count > 0 ? ", or a function of the goal file: " + string.Join(", ", File.Functions.Keys) : ""));
        if (builtin.Kind == BuiltinKind.Lookup) return Lookup(c, s, env);
        if (c.Args.Count < builtin.MinArgs || c.Args.Count > builtin.MaxArgs) throw new StyrkortException(env.At(c), builtin.Usage);
        // Where a whole number is wanted (round's decimals, left's characters), a constant is one: round(x, digits).
        var args = c.Args.Select((a, i) => builtin.Whole.Contains(i) ? AsWhole(Bind(a, s, env)) : Bind(a, s, env)).ToList();
        var type = builtin.Type(new Arguments(args, c, env));
        // coalesce, least and greatest of codes are codes.
        return new BoundCall(builtin, args, type) { Codes = builtin.Name is "coalesce" or "least" or "greatest" ? args[0].Codes : builtin.Name is "abs" or "round" ? args[0].Codes : null };
    }

    /// <summary>The arguments of one call, refused where they are written.</summary>
    private sealed class Arguments(IReadOnlyList<BoundExpr> args, Call call, Env env) : ArgumentCheck
    {
        public override IReadOnlyList<BoundExpr> Args => args;
        public override string Function => call.Name;
        public override Exception Fail(int argument, string message) =>
            new StyrkortException(env.At(argument < 0 ? call : call.Args[argument]), message);
    }

    /// <summary>Goal-file functions are expanded in place, their parameters bound to the caller's expressions.</summary>
    private BoundExpr Expand(Function function, Call c, BindScope s, Env env)
    {
        if (c.Args.Count != function.Parameters.Count || !c.Clauses.IsEmpty)
            throw new StyrkortException(env.At(c), $"{function.Name} takes {function.Parameters.Count} argument(s) ({string.Join(", ", function.Parameters)}), found {c.Args.Count}");
        if (env.Depth > 32) throw new StyrkortException(env.At(c), $"function {function.Name} calls itself too deeply");
        var bindings = function.Parameters.Zip(c.Args).ToDictionary(p => p.First, p => (p.Second, env), StringComparer.OrdinalIgnoreCase);
        return Bind(Parse(function.Body), s, new Env(function.Body, bindings, env.Depth + 1));
    }

    /// <summary>
    /// at(dataset.column, key = value, …): the column of the one row of a dataset keyed by (entity, given keys).
    /// Every key column must be fixed, so that the lookup cannot fan out.
    /// </summary>
    private BoundExpr Lookup(Call c, BindScope s, Env env)
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
        var keys = new List<BoundLookupKey>();
        foreach (var arg in c.Args.Skip(1))
        {
            if (arg is not Binary { Op: "=", Left: NameRef { Parts.Count: 1 } key } eq || dataset.Find(key.Parts[0]) is not { } keyColumn)
                throw new StyrkortException(env.At(arg), $"expected key = value with a column of '{dataset.Name}'");
            var value = Bind(eq.Right, new ScalarScope(), env);
            CheckComparable(Column(ColumnSite.Row, dataset, keyColumn), value, eq, env);
            keys.Add(new BoundLookupKey(keyColumn, value));
        }
        var fixedColumns = keys.Select(k => k.Column.Name).Append(via.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (dataset.Key.Count == 0 || !dataset.Key.All(fixedColumns.Contains) || fixedColumns.Count != dataset.Key.Count)
            throw new StyrkortException(env.At(c),
                $"at(…) must fix exactly the key of '{dataset.Name}' ({string.Join(", ", dataset.Key)}); {via.Name} comes from the entity, give the rest as key = value");
        return new BoundLookup(dataset, column, via, keys, TypeOf(column.Type)) { Codes = column.Type == ColumnType.Code ? column.Codes : null };
    }
}
