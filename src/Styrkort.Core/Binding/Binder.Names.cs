using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Binding;

internal sealed partial class Binder
{
    private BoundExpr BindName(NameRef n, BindScope s, Env env)
    {
        if (n.Parts.Count == 1)
        {
            var name = n.Parts[0];
            if (env.Bindings.TryGetValue(name, out var bound)) return Bind(bound.Arg, s, bound.Outer);
            var local = s switch
            {
                RowScope r => r.Dataset.Find(name) is { } c ? Column(ColumnSite.Row, r.Dataset, c) : null,
                GroupScope g => g.Per.FirstOrDefault(p => Same(p.Name, name)) is { } c ? Column(ColumnSite.Group, g.Rows.Dataset, c) : null,
                EntityScope e => e.Entity.Find(name) is { } c ? Column(ColumnSite.Entity, e.Entity, c) : null,
                MemberScope m => MemberColumn(m, name),
                _ => null,
            };
            if (local is not null) return local;
            if (File.Parameters.TryGetValue(name, out var parameter)) return new BoundLiteral(parameter.Value, ValueType.Decimal);
            if (File.Values.ContainsKey(name))
            {
                var value = BindValue(name, n, env);
                return new BoundValueReference(File.Values.Keys.First(k => Same(k, name)), value.Type) { Codes = value.Codes };
            }
            if (File.Metrics.ContainsKey(name))
            {
                if (s is not UnitScope) throw new StyrkortException(env.At(n), $"metric '{name}' is a value per unit; it cannot be used {Where(s)}");
                return BindMetric(File.Metrics.Keys.First(k => Same(k, name)), n, env);
            }
            if (File.Datasets.ContainsKey(name))
                throw new StyrkortException(env.At(n), $"'{name}' is a dataset; name a column ({name}.column) or count its rows with count({name})");
            throw new StyrkortException(env.At(n), Known(s) is { Length: > 0 } known
                ? new Presentation.Message("formula.unknown_name_known", name, known) : new Presentation.Message("formula.unknown_name", name));
        }
        if (n.Parts.Count != 2) throw new StyrkortException(env.At(n), $"'{n.Text}' has too many parts; expected name or dataset.column");
        var (first, second) = (n.Parts[0], n.Parts[1]);
        if (first.Equals("period", StringComparison.OrdinalIgnoreCase)) return PeriodVariable(second, n, env);
        switch (s)
        {
            case RowScope r when Same(first, r.Dataset.Name):
                return Column(ColumnSite.Row, r.Dataset, RequireColumn(r.Dataset, second, n, env));
            case RowScope r when File.Datasets.TryGetValue(first, out var target):
                return ReferencedColumn(r, target, second, n, env);
            case GroupScope g when Same(first, g.Rows.Dataset.Name):
                if (!g.Per.Any(p => Same(p.Name, second)))
                    throw new StyrkortException(env.At(n), $"'{n.Text}' is not one of the 'per' columns; outside an inner aggregate only those can be used");
                return Column(ColumnSite.Group, g.Rows.Dataset, RequireColumn(g.Rows.Dataset, second, n, env));
            case EntityScope e when Same(first, e.Entity.Name):
                return Column(ColumnSite.Entity, e.Entity, RequireColumn(e.Entity, second, n, env));
            case EntityScope e when Same(first, e.Population.Name):
                throw new StyrkortException(env.At(n), $"'{n.Text}' is a column of the member rows of an entity, of which it may have many; aggregate them, e.g. first({n.Text} by {first}.time)");
            case MemberScope m when Same(first, m.Entity.Population.Name):
                return MemberColumn(m, second) ?? throw new StyrkortException(env.At(n),
                    $"population '{first}' has no member column '{second}'; it has: time, {string.Join(", ", m.Entity.Population.MemberColumns)}");
            case MemberScope m when Same(first, m.Entity.Entity.Name):
                return Column(ColumnSite.Entity, m.Entity.Entity, RequireColumn(m.Entity.Entity, second, n, env));
        }
        if (File.Datasets.ContainsKey(first) || File.Populations.ContainsKey(first))
            throw new StyrkortException(env.At(n), $"'{n.Text}' cannot be used {Where(s)}; a column is used inside an aggregation such as sum({n.Text}) or in a lookup at({n.Text}, …)");
        throw new StyrkortException(env.At(n), $"unknown name '{first}' in '{n.Text}'; expected a dataset, a population or 'period'");
    }

    private static string Where(BindScope s) => s switch
    {
        UnitScope => "at the level of a metric",
        ScalarScope => "in a value computed once per period",
        RowScope r => $"inside an aggregation over {r.Dataset.Name}",
        GroupScope g => $"inside a 'per' aggregation over {g.Rows.Dataset.Name}",
        EntityScope e => $"inside an aggregation over population {e.Population.Name}",
        _ => "here",
    };

    private string Known(BindScope s)
    {
        var names = s switch
        {
            RowScope r => r.Dataset.Columns.Select(c => c.Name),
            EntityScope e => e.Entity.Columns.Select(c => c.Name),
            _ => [],
        };
        var all = names.Concat(File.Parameters.Keys).Concat(File.Values.Keys).Concat(s is UnitScope ? File.Metrics.Keys : []).ToList();
        return string.Join(", ", all);
    }

    private static Column RequireColumn(Dataset dataset, string name, NameRef at, Env env) =>
        dataset.Find(name) ?? throw new StyrkortException(env.At(at),
            new Presentation.Message("formula.no_column", dataset.Name, name, string.Join(", ", dataset.Columns.Select(c => c.Name))));

    internal static BoundColumn Column(ColumnSite site, Dataset dataset, Column c, Column? via = null) =>
        new(site, dataset, c, TypeOf(c.Type), via) { Codes = c.Type == ColumnType.Code ? c.Codes : null };

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
    private static BoundColumn ReferencedColumn(RowScope r, Dataset target, string column, NameRef at, Env env)
    {
        var via = r.Dataset.Columns.FirstOrDefault(c => Same(c.References ?? "", target.Name))
            ?? throw new StyrkortException(env.At(at), $"'{at.Text}': dataset '{r.Dataset.Name}' has no column that references '{target.Name}'");
        return Column(ColumnSite.Referenced, target, RequireColumn(target, column, at, env), via);
    }

    private static BoundPeriodVariable PeriodVariable(string name, NameRef at, Env env) => name.ToLowerInvariant() switch
    {
        "year" or "quarter" or "month" or "week" or "days" or "months" => new BoundPeriodVariable(name.ToLowerInvariant(), ValueType.Integer),
        "start" or "end" => new BoundPeriodVariable(name.ToLowerInvariant(), ValueType.Date),
        _ => throw new StyrkortException(env.At(at),
            $"unknown period variable '{name}'; expected period.year, period.quarter, period.month, period.week, period.start, period.end, period.days or period.months"),
    };

    private BoundColumn? MemberColumn(MemberScope m, string name)
    {
        var population = m.Entity.Population;
        var first = File.Datasets[population.Members[0].Dataset];
        if (Same(name, "time"))
        {
            var time = first.Find(population.Members[0].Time)!;
            return new BoundColumn(ColumnSite.Member, first, time, TypeOf(time.Type), MemberTime: true) { Codes = time.Type == ColumnType.Code ? time.Codes : null };
        }
        var column = population.MemberColumns.FirstOrDefault(c => Same(c, name));
        return column is null ? null : Column(ColumnSite.Member, first, first.Find(column)!);
    }
}
