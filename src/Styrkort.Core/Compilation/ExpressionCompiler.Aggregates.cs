using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

internal sealed partial class ExpressionCompiler
{
    private const string Closure = "_unit_closure";

    private Typed CompileAggregate(Call c, Scope s, Env env)
    {
        switch (s)
        {
            case GroupScope g: return InnerAggregate(c, g, env);
            case EntityScope e: return MemberAggregate(c, e, env);
            case RowScope or MemberScope:
                throw new StyrkortException(env.At(c), $"{c.Name}(…) cannot stand {Where(s)}; to aggregate in two steps, use 'per' on the outer aggregation");
        }
        if (c.Clauses.Over is { } over)
        {
            if (!File.Populations.TryGetValue(over.Text, out var population))
                throw new StyrkortException(env.At(over), $"unknown population '{over.Text}'; populations: {string.Join(", ", File.Populations.Keys)}");
            if (s is ScalarScope) throw new StyrkortException(env.At(c), $"population '{population.Name}' is per unit; it cannot be used {Where(s)}");
            var (select, ptype) = PopulationAggregate(c, population, env);
            return JoinPerUnit(select, ptype, ZeroWhenEmpty(c.Name));
        }
        var dataset = Source(c, env);
        var perUnit = dataset.UnitColumn is not null;
        if (perUnit && s is ScalarScope)
            throw new StyrkortException(env.At(c), $"'{dataset.Name}' has rows per unit; it cannot be aggregated {Where(s)}");
        var (body, type) = DatasetAggregate(c, dataset, perUnit, env);
        if (perUnit) return JoinPerUnit(body, type, ZeroWhenEmpty(c.Name));
        var scalar = new SqlScalarSubquery(body);
        return type with { Sql = ZeroWhenEmpty(c.Name) ? Sql.Sql.Func("coalesce", scalar, Sql.Sql.Lit(0L)) : scalar };
    }

    // The sum or count of nothing is 0; the mean, median, share… of nothing is no value.
    private static bool ZeroWhenEmpty(string fn) => fn is "sum" or "count" or "count_distinct";

    private Typed JoinPerUnit(SqlSelect select, Typed type, bool zero)
    {
        var name = NextName("agg");
        _ctes.Add(new SqlCte(name, select, Materialized: false));
        _unitJoins.Add(new SqlJoin(SqlJoinKind.Left, new SqlTable(name, name), Sql.Sql.Eq(Sql.Sql.Col(name, "unit_id"), Sql.Sql.Col("u", "unit_id"))));
        var v = Sql.Sql.Col(name, "v");
        return type with { Sql = zero ? Sql.Sql.Func("coalesce", v, Sql.Sql.Lit(0L)) : v };
    }

    /// <summary>The dataset an aggregation reads: 'from', else the first dataset its expressions name.</summary>
    private Dataset Source(Call c, Env env)
    {
        if (c.Clauses.From is { } from)
            return File.Datasets.TryGetValue(from.Text, out var d) ? d
                : throw new StyrkortException(env.At(from), $"unknown dataset '{from.Text}'; datasets: {string.Join(", ", File.Datasets.Keys)}");
        var candidates = c.Args.Concat(c.Clauses.Where is { } w ? [w] : []).Concat(c.Clauses.Per ?? []).Concat(c.Clauses.By ?? []);
        foreach (var expr in candidates)
            if (FirstDataset(expr, env) is { } found) return found;
        throw new StyrkortException(env.At(c), $"cannot tell which dataset {c.Name}(…) reads; name a column (dataset.column) or add 'from dataset'");
    }

    private Dataset? FirstDataset(Expr e, Env env)
    {
        (e, env) = Unbind(e, env);
        switch (e)
        {
            case NameRef { Parts.Count: 1 } n when File.Datasets.TryGetValue(n.Parts[0], out var d): return d;
            case NameRef { Parts.Count: 2 } n when File.Datasets.TryGetValue(n.Parts[0], out var d): return d;
            case Unary u: return FirstDataset(u.Operand, env);
            case Binary b: return FirstDataset(b.Left, env) ?? FirstDataset(b.Right, env);
            case InList i: return FirstDataset(i.Value, env);
            case IsEmpty i: return FirstDataset(i.Value, env);
            case Call call when !AggregateNames.Contains(call.Name):
                if (File.Functions.TryGetValue(call.Name, out var f) && call.Args.Count == f.Parameters.Count)
                {
                    var bindings = f.Parameters.Zip(call.Args).ToDictionary(p => p.First, p => (p.Second, env), StringComparer.OrdinalIgnoreCase);
                    return FirstDataset(Parser.Parse(f.Body.Text, f.Body.Locate), new Env(f.Body, bindings, env.Depth + 1));
                }
                return call.Args.Select(a => FirstDataset(a, env)).FirstOrDefault(d => d is not null);
            case Call call: return call.Args.Select(a => FirstDataset(a, env)).FirstOrDefault(d => d is not null);
            default: return null;
        }
    }

    private (SqlSelect, Typed) DatasetAggregate(Call c, Dataset dataset, bool perUnit, Env env)
    {
        if (c.Clauses.Over is not null) throw new StyrkortException(env.At(c), "'over' and 'from' cannot be combined");
        var window = c.Clauses.During is { } during ? Windows.Resolve(during, Period, env.Formula.Locate, e => Compile(e, new ScalarScope(), env)) : null;
        Column? time = null;
        if (window is not null)
        {
            var timeName = c.Clauses.On?.Parts[^1] ?? dataset.TimeColumn
                ?? throw new StyrkortException(env.At(c), $"dataset '{dataset.Name}' has no time column; say which column the window applies to with 'on column'");
            time = dataset.Find(timeName) ?? throw new StyrkortException(env.At(c.Clauses.On!), $"dataset '{dataset.Name}' has no column '{timeName}'");
            if (time.Type is not (ColumnType.Date or ColumnType.Month or ColumnType.Year))
                throw new StyrkortException(env.At(c), $"'{timeName}' is not a date, month or year; a window needs one");
        }
        else if (c.Clauses.On is not null) throw new StyrkortException(env.At(c.Clauses.On), "'on' names the time column of a window; add 'during …'");
        if (window is LatestWindow lw)
            foreach (var column in lw.PartitionColumns)
                if (dataset.Find(column) is null) throw new StyrkortException(env.At(c.Clauses.During!), $"latest(…): dataset '{dataset.Name}' has no column '{column}'");

        var rows = RowsSource(dataset, perUnit, window, time);
        var rs = new RowScope(dataset, "r");
        SqlExpr? where = window switch
        {
            RangeWindow range => range.Predicate(Sql.Sql.Col("r", time!.Name), time.Type),
            LatestWindow => Sql.Sql.Eq(Sql.Sql.Col("r", time!.Name), Sql.Sql.Col("r", "_latest")),
            _ => null,
        };
        if (c.Clauses.Per is { } per) return GroupAggregate(c, rs, rows, where, per, perUnit, env);
        var (agg, type) = Apply(c, rs, env, dataset.Name);
        if (c.Clauses.Where is { } w) where = Sql.Sql.And(where, Condition(w, rs, env));
        var items = new List<SqlSelectItem>();
        if (perUnit) items.Add(new SqlSelectItem(Sql.Sql.Col("r", "_unit"), "unit_id"));
        items.Add(new SqlSelectItem(agg, "v"));
        return (new SqlSelect(items, rows, rs.Joins, where, perUnit ? [Sql.Sql.Col("r", "_unit")] : null), type);
    }

    private SqlExpr Condition(Expr e, Scope s, Env env)
    {
        var t = Compile(e, s, env);
        Require(t, ValueType.Boolean, e, env, "after 'where'");
        return t.Sql;
    }

    /// <summary>The dataset's rows with their reporting unit (every ancestor of the row's unit) and, for 'latest', the latest time.</summary>
    private static SqlDerived RowsSource(Dataset dataset, bool perUnit, Window? window, Column? time)
    {
        SqlSource from = new SqlTable(dataset.Name, "d");
        var items = new List<SqlSelectItem> { new(new SqlStar("d"), null) };
        var joins = new List<SqlJoin>();
        SqlExpr? where = null;
        if (perUnit)
        {
            joins.Add(new SqlJoin(SqlJoinKind.Inner, new SqlTable(Closure, "c"), Sql.Sql.Eq(Sql.Sql.Col("c", "unit_id"), Sql.Sql.Col("d", dataset.UnitColumn!))));
            items.Add(new SqlSelectItem(Sql.Sql.Col("c", "ancestor"), "_unit"));
        }
        if (window is LatestWindow latest)
        {
            var t = Sql.Sql.Col("d", time!.Name);
            var upTo = latest.UpTo.Predicate(t, time.Type);
            if (latest.PartitionColumns.Count > 0)
            {
                var partition = latest.PartitionColumns.Select(col => Sql.Sql.Col("d", col)).ToList();
                var inner = new SqlSelect([new(new SqlStar("d"), null), new(new SqlWindow(new SqlFunc("max", [t]), partition), "_latest")],
                    new SqlTable(dataset.Name, "d"), [], upTo);
                from = new SqlDerived(inner, "d");
            }
            else
            {
                where = upTo;
                var partition = perUnit ? new List<SqlExpr> { Sql.Sql.Col("c", "ancestor") } : [];
                items.Add(new SqlSelectItem(new SqlWindow(new SqlFunc("max", [t]), partition), "_latest"));
            }
        }
        return new SqlDerived(new SqlSelect(items, from, joins, where), "r");
    }

    /// <summary>Two-step aggregation: inner aggregates per (unit, per-columns), then the outer one over those groups.</summary>
    private (SqlSelect, Typed) GroupAggregate(Call c, RowScope rs, SqlDerived rows, SqlExpr? where, IReadOnlyList<Expr> per, bool perUnit, Env env)
    {
        var columns = per.Select(p =>
        {
            var (e, penv) = Unbind(p, env);
            return e is NameRef n && rs.Dataset.Find(n.Parts[^1]) is { } col && (n.Parts.Count == 1 || Same(n.Parts[0], rs.Dataset.Name))
                ? col.Name
                : throw new StyrkortException(penv.At(e), $"'per' takes columns of '{rs.Dataset.Name}'");
        }).ToList();
        var gs = new GroupScope(rs, columns, "g");
        var (outer, type) = Apply(c, gs, env, null);
        if (c.Clauses.Where is { } w) where = Sql.Sql.And(where, Condition(w, rs, env));
        var keys = (perUnit ? [Sql.Sql.Col("r", "_unit")] : new List<SqlExpr>()).Concat(columns.Select(col => Sql.Sql.Col("r", col))).ToList();
        var innerItems = keys.Select(k => new SqlSelectItem(k, ((SqlColumn)k).Name)).Concat(gs.InnerAggregates).ToList();
        var inner = new SqlDerived(new SqlSelect(innerItems, rows, rs.Joins, where, keys), "g");
        var items = new List<SqlSelectItem>();
        if (perUnit) items.Add(new SqlSelectItem(Sql.Sql.Col("g", "_unit"), "unit_id"));
        items.Add(new SqlSelectItem(outer, "v"));
        return (new SqlSelect(items, inner, [], null, perUnit ? [Sql.Sql.Col("g", "_unit")] : null), type);
    }

    private Typed InnerAggregate(Call c, GroupScope g, Env env)
    {
        if (c.Clauses.During is not null || c.Clauses.Over is not null || c.Clauses.Per is not null || c.Clauses.From is not null)
            throw new StyrkortException(env.At(c), "an inner aggregate takes only 'where' and 'by'; the window and source are the outer aggregation's");
        var (agg, type) = Apply(c, g.Rows, env, g.Rows.Dataset.Name);
        if (c.Clauses.Where is { } w && agg is SqlFunc f) agg = f with { Filter = Condition(w, g.Rows, env) };
        var name = $"i{g.InnerAggregates.Count + 1}";
        g.InnerAggregates.Add(new SqlSelectItem(agg, name));
        return type with { Sql = Sql.Sql.Col(g.Alias, name) };
    }

    /// <summary>Applies an aggregate function to its argument compiled in the given scope.</summary>
    private (SqlExpr, Typed) Apply(Call c, Scope argScope, Env env, string? rowSourceName)
    {
        var fn = c.Name;
        if (fn == "count" && (c.Args.Count == 0 || (Unbind(c.Args[0], env).Expr is NameRef { Parts.Count: 1 } n
                && (Same(n.Parts[0], rowSourceName ?? "") || File.Datasets.ContainsKey(n.Parts[0]) || File.Populations.ContainsKey(n.Parts[0])))))
            return (new SqlFunc("count_star", []), new Typed(Sql.Sql.Lit(0L), ValueType.Integer));
        if (c.Args.Count != 1) throw new StyrkortException(env.At(c), $"{fn}(…) takes one argument, then its clauses");
        var arg = Compile(c.Args[0], argScope, env);
        void Numeric() => RequireNumeric(arg, c.Args[0], env, $"in {fn}(…)");
        var asDouble = new SqlCast(arg.Sql, SqlType.Double);
        if (fn is not ("first" or "last") && c.Clauses.By is not null)
            throw new StyrkortException(env.At(c), "'by' orders the rows for first(…) and last(…) only");
        switch (fn)
        {
            case "sum":
                Numeric();
                return (Sql.Sql.Func("sum", arg.Sql), arg with { Type = arg.Type == ValueType.Null ? ValueType.Integer : arg.Type });
            case "count": return (Sql.Sql.Func("count", arg.Sql), new Typed(arg.Sql, ValueType.Integer));
            case "count_distinct": return (new SqlFunc("count", [arg.Sql], Distinct: true), new Typed(arg.Sql, ValueType.Integer));
            case "mean" or "avg": Numeric(); return (Sql.Sql.Func("avg", asDouble), new Typed(arg.Sql, ValueType.Number));
            case "median": Numeric(); return (Sql.Sql.Func("median", asDouble), new Typed(arg.Sql, ValueType.Number));
            case "min" or "max": return (Sql.Sql.Func(fn, arg.Sql), arg);
            case "share":
                Require(arg, ValueType.Boolean, c.Args[0], env, "in share(…), the condition whose share is counted");
                var one = new SqlCase([(arg.Sql, new SqlCast(Sql.Sql.Lit(1L), SqlType.Double))], new SqlCast(Sql.Sql.Lit(0L), SqlType.Double));
                return (Sql.Sql.Func("avg", one), new Typed(arg.Sql, ValueType.Number));
            default:
                var by = c.Clauses.By ?? throw new StyrkortException(env.At(c), $"{fn}(…) needs 'by', the order of the rows, e.g. {fn}(x by time)");
                var order = by.Select(b => OrderKey(Compile(b, argScope, env))).Select(k => fn == "last" ? new SqlDesc(k) : k).ToList();
                return (new SqlFunc("first_by", [arg.Sql], OrderBy: order), arg);
        }
    }

    // Codes sort in the order the goal file lists them (start < expansion < established), not alphabetically.
    private static SqlExpr OrderKey(Typed t) => t.Codes is { } codes
        ? new SqlCase(codes.Select((code, i) => ((SqlExpr)Sql.Sql.Eq(t.Sql, Sql.Sql.Lit(code)), Sql.Sql.Lit((long)i))).ToList(), null)
        : t.Sql;
}
