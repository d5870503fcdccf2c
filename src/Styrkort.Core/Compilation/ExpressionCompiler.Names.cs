using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

internal sealed partial class ExpressionCompiler
{
    private Typed CompileName(NameRef n, Scope s, Env env)
    {
        if (n.Parts.Count == 1)
        {
            var name = n.Parts[0];
            if (env.Bindings.TryGetValue(name, out var bound)) return Compile(bound.Arg, s, bound.Outer);
            var local = s switch
            {
                RowScope r => r.Dataset.Find(name) is { } c ? ColumnOf(r.Alias, c) : null,
                GroupScope g => g.PerColumns.Contains(name, StringComparer.OrdinalIgnoreCase) ? ColumnOf(g.Alias, g.Rows.Dataset.Find(name)!) : null,
                EntityScope e => e.Entity.Find(name) is { } c ? ColumnOf(e.EntityAlias, c) : null,
                MemberScope m => MemberColumn(m, name, n, env),
                _ => null,
            };
            if (local is not null) return local;
            if (File.Parameters.TryGetValue(name, out var parameter)) return new Typed(Sql.Sql.Lit(parameter.Value), ValueType.Decimal);
            if (File.Values.ContainsKey(name)) return ValueReference(name, env, n);
            if (File.Metrics.TryGetValue(name, out var metric))
            {
                if (s is not UnitScope) throw new StyrkortException(env.At(n), $"metric '{name}' is a value per unit; it cannot be used {Where(s)}");
                if (!_inProgress.Add("metric:" + name)) throw new StyrkortException(env.At(n), $"metric '{name}' refers to itself");
                var inner = Compile(Parser.Parse(metric.Formula.Text, metric.Formula.Locate), s, Env.For(metric.Formula));
                _inProgress.Remove("metric:" + name);
                return inner;
            }
            if (File.Datasets.ContainsKey(name))
                throw new StyrkortException(env.At(n), $"'{name}' is a dataset; name a column ({name}.column) or count its rows with count({name})");
            throw new StyrkortException(env.At(n), $"unknown name '{name}'{Known(s)}");
        }
        if (n.Parts.Count != 2) throw new StyrkortException(env.At(n), $"'{n.Text}' has too many parts; expected name or dataset.column");
        var (first, second) = (n.Parts[0], n.Parts[1]);
        if (first.Equals("period", StringComparison.OrdinalIgnoreCase)) return PeriodVariable(second, n, env);
        switch (s)
        {
            case RowScope r when Same(first, r.Dataset.Name):
                return ColumnOf(r.Alias, RequireColumn(r.Dataset, second, n, env));
            case RowScope r when File.Datasets.TryGetValue(first, out var target):
                return ReferencedColumn(r, target, second, n, env);
            case GroupScope g when Same(first, g.Rows.Dataset.Name):
                if (!g.PerColumns.Contains(second, StringComparer.OrdinalIgnoreCase))
                    throw new StyrkortException(env.At(n), $"'{n.Text}' is not one of the 'per' columns; outside an inner aggregate only those can be used");
                return ColumnOf(g.Alias, RequireColumn(g.Rows.Dataset, second, n, env));
            case EntityScope e when Same(first, e.Entity.Name):
                return ColumnOf(e.EntityAlias, RequireColumn(e.Entity, second, n, env));
            case EntityScope e when Same(first, e.Population.Name):
                throw new StyrkortException(env.At(n), $"'{n.Text}' is a column of the member rows of an entity, of which it may have many; aggregate them, e.g. first({n.Text} by {first}.time)");
            case MemberScope m when Same(first, m.EntityScope.Population.Name):
                return MemberColumn(m, second, n, env) ?? throw new StyrkortException(env.At(n),
                    $"population '{first}' has no member column '{second}'; it has: time, {string.Join(", ", m.EntityScope.Population.MemberColumns)}");
            case MemberScope m when Same(first, m.EntityScope.Entity.Name):
                return ColumnOf(m.EntityScope.EntityAlias, RequireColumn(m.EntityScope.Entity, second, n, env));
        }
        if (File.Datasets.ContainsKey(first) || File.Populations.ContainsKey(first))
            throw new StyrkortException(env.At(n), $"'{n.Text}' cannot be used {Where(s)}; a column is used inside an aggregation such as sum({n.Text}) or in a lookup at({n.Text}, …)");
        throw new StyrkortException(env.At(n), $"unknown name '{first}' in '{n.Text}'; expected a dataset, a population or 'period'");
    }

    private static bool Same(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);

    private static string Where(Scope s) => s switch
    {
        UnitScope => "at the level of a metric",
        ScalarScope => "in a value computed once per period",
        RowScope r => $"inside an aggregation over {r.Dataset.Name}",
        GroupScope g => $"inside a 'per' aggregation over {g.Rows.Dataset.Name}",
        EntityScope e => $"inside an aggregation over population {e.Population.Name}",
        _ => "here",
    };

    private string Known(Scope s)
    {
        var names = s switch
        {
            RowScope r => r.Dataset.Columns.Select(c => c.Name),
            EntityScope e => e.Entity.Columns.Select(c => c.Name),
            _ => [],
        };
        var all = names.Concat(File.Parameters.Keys).Concat(File.Values.Keys).Concat(s is UnitScope ? File.Metrics.Keys : []).ToList();
        return all.Count == 0 ? "" : "; known here: " + string.Join(", ", all);
    }

    private static Column RequireColumn(Dataset dataset, string name, NameRef at, Env env) =>
        dataset.Find(name) ?? throw new StyrkortException(env.At(at),
            $"dataset '{dataset.Name}' has no column '{name}'; its columns: {string.Join(", ", dataset.Columns.Select(c => c.Name))}");

    internal static Typed ColumnOf(string alias, Column c) => new(Sql.Sql.Col(alias, c.Name), TypeOf(c.Type), c.Type == ColumnType.Code ? c.Codes : null);

    internal static ValueType TypeOf(ColumnType type) => type switch
    {
        ColumnType.Text or ColumnType.Code => ValueType.Text,
        ColumnType.Integer or ColumnType.Year => ValueType.Integer,
        ColumnType.Decimal => ValueType.Decimal,
        ColumnType.Number => ValueType.Number,
        ColumnType.Boolean => ValueType.Boolean,
        _ => ValueType.Date,
    };

    /// <summary>A column of a dataset that the row's dataset references: a many-to-one join, so no fan-out.</summary>
    private Typed ReferencedColumn(RowScope r, Dataset target, string column, NameRef at, Env env)
    {
        var via = r.Dataset.Columns.FirstOrDefault(c => Same(c.References ?? "", target.Name))
            ?? throw new StyrkortException(env.At(at), $"'{at.Text}': dataset '{r.Dataset.Name}' has no column that references '{target.Name}'");
        var col = RequireColumn(target, column, at, env);
        if (!r.JoinAliases.TryGetValue(target.Name, out var alias))
        {
            alias = NextName("j");
            r.JoinAliases[target.Name] = alias;
            r.Joins.Add(new SqlJoin(SqlJoinKind.Left, new SqlTable(target.Name, alias), Sql.Sql.Eq(Sql.Sql.Col(alias, target.Key[0]), Sql.Sql.Col(r.Alias, via.Name))));
        }
        return ColumnOf(alias, col);
    }

    private Typed PeriodVariable(string name, NameRef at, Env env) => name.ToLowerInvariant() switch
    {
        "year" => new Typed(Sql.Sql.Lit((long)Period.Year), ValueType.Integer),
        "quarter" => new Typed(Sql.Sql.Lit((long)Period.EndQuarter), ValueType.Integer),
        "month" => new Typed(Sql.Sql.Lit((long)Period.End.Month), ValueType.Integer),
        "start" => new Typed(Sql.Sql.Lit(Period.Start), ValueType.Date),
        "end" => new Typed(Sql.Sql.Lit(Period.End), ValueType.Date),
        _ => throw new StyrkortException(env.At(at), $"unknown period variable '{name}'; expected period.year, period.quarter, period.month, period.start or period.end"),
    };

    /// <summary>A named value: computed once per period in its own CTE and read as a scalar subquery.</summary>
    private Typed ValueReference(string name, Env env, NameRef at)
    {
        var cte = "value_" + name;
        if (!_valueTypes.TryGetValue(name, out var type))
        {
            if (!_inProgress.Add("value:" + name)) throw new StyrkortException(env.At(at), $"value '{name}' refers to itself");
            var formula = File.Values[name];
            var compiled = CompileScalarFormula(formula);
            _inProgress.Remove("value:" + name);
            _ctes.Add(new SqlCte(cte, new SqlSelect([new SqlSelectItem(compiled.Sql, "v")], null, []), Materialized: true));
            type = compiled;
            _valueTypes[name] = type;
        }
        var read = new SqlSelect([new SqlSelectItem(Sql.Sql.Col(cte, "v"), null)], new SqlTable(cte, cte), []);
        return type with { Sql = new SqlScalarSubquery(read) };
    }

    private Typed? MemberColumn(MemberScope m, string name, NameRef at, Env env)
    {
        var population = m.EntityScope.Population;
        if (Same(name, "time"))
        {
            var first = File.Datasets[population.Members[0].Dataset];
            return ColumnOf(m.Alias, first.Find(population.Members[0].Time)!) with { Sql = Sql.Sql.Col(m.Alias, "_time") };
        }
        var column = population.MemberColumns.FirstOrDefault(c => Same(c, name));
        if (column is null) return null;
        return ColumnOf(m.Alias, File.Datasets[population.Members[0].Dataset].Find(column)!);
    }
}
