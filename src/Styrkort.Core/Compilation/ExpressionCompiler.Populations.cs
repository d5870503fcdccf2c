using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

internal sealed partial class ExpressionCompiler
{
    private const string UnitRegions = "_unit_regions";

    /// <summary>An aggregation over the entities of a population, per unit: one row per (unit, entity), then grouped by unit.</summary>
    private (SqlSelect, Typed) PopulationAggregate(Call c, Population population, Env env)
    {
        if (c.Clauses.Per is not null || c.Clauses.On is not null || c.Clauses.From is not null)
            throw new StyrkortException(env.At(c), "an aggregation over a population takes 'where', 'during' and 'by'");
        var entity = File.Datasets[population.Entity];
        RangeWindow? window = null;
        if (population.Members.Count > 0)
        {
            var during = c.Clauses.During ?? throw new StyrkortException(env.At(c),
                $"population '{population.Name}' is made of entities met within a window; add 'during …' ({Windows.Help})");
            window = Windows.Resolve(during, Period, env.Formula.Locate, e => Compile(e, new ScalarScope(), env)) as RangeWindow
                ?? throw new StyrkortException(env.At(during), "a population needs a window with a start and an end, not latest");
        }
        else if (c.Clauses.During is { } d)
            throw new StyrkortException(env.At(d), $"population '{population.Name}' is defined by region; it takes no window");

        var es = new EntityScope(population, entity, "p", "e");
        var (agg, type) = Apply(c, es, env, population.Name);
        SqlExpr? where = c.Clauses.Where is { } w ? Condition(w, es, env) : null;
        if (population.Where is { } pw)
        {
            var condition = Compile(Parser.Parse(pw.Text, pw.Locate), es, Env.For(pw));
            if (condition.Type != ValueType.Boolean) throw new StyrkortException(pw.Location, $"the 'where' of population '{population.Name}' must be a condition");
            where = Sql.Sql.And(condition.Sql, where);
        }
        var members = window is null ? RegionMembers(population, entity) : DatasetMembers(population, window, es);
        var joins = new List<SqlJoin>
        {
            new(SqlJoinKind.Inner, new SqlTable(entity.Name, "e"), Sql.Sql.Eq(Sql.Sql.Col("e", entity.Key[0]), Sql.Sql.Col("p", "_entity"))),
        };
        joins.AddRange(es.Lookups);
        var items = new List<SqlSelectItem> { new(Sql.Sql.Col("p", "_unit"), "unit_id"), new(agg, "v") };
        return (new SqlSelect(items, new SqlDerived(members, "p"), joins, where, [Sql.Sql.Col("p", "_unit")]), type);
    }

    private static SqlSelect RegionMembers(Population population, Dataset entity) => new(
        [new(Sql.Sql.Col("ur", "unit_id"), "_unit"), new(Sql.Sql.Col("e0", entity.Key[0]), "_entity")],
        new SqlTable(entity.Name, "e0"),
        [new SqlJoin(SqlJoinKind.Inner, new SqlTable(UnitRegions, "ur"), Sql.Sql.Eq(Sql.Sql.Col("ur", "region"), Sql.Sql.Col("e0", population.RegionColumn!)))]);

    /// <summary>The distinct (unit, entity) pairs met in the member datasets within the window, with member aggregates.</summary>
    private SqlSelect DatasetMembers(Population population, RangeWindow window, EntityScope es)
    {
        var entity = File.Datasets[population.Entity];
        var parts = population.Members.Select(member =>
        {
            var data = File.Datasets[member.Dataset];
            var via = data.Columns.First(col => Same(col.References ?? "", entity.Name));
            var time = data.Find(member.Time)!;
            var items = new List<SqlSelectItem>
            {
                new(Sql.Sql.Col("c", "ancestor"), "_unit"), new(Sql.Sql.Col("d", via.Name), "_entity"), new(Sql.Sql.Col("d", time.Name), "_time"),
            };
            items.AddRange(population.MemberColumns.Select(col => new SqlSelectItem(Sql.Sql.Col("d", data.Find(col)!.Name), col)));
            return (SqlQueryBody)new SqlSelect(items, new SqlTable(data.Name, "d"),
                [new SqlJoin(SqlJoinKind.Inner, new SqlTable(Closure, "c"), Sql.Sql.Eq(Sql.Sql.Col("c", "unit_id"), Sql.Sql.Col("d", data.UnitColumn!)))],
                window.Predicate(Sql.Sql.Col("d", time.Name), time.Type));
        }).ToList();
        SqlQueryBody union = parts.Count == 1 ? parts[0] : new SqlUnion(parts, All: true);
        var keys = new List<SqlExpr> { Sql.Sql.Col("m", "_unit"), Sql.Sql.Col("m", "_entity") };
        var select = new List<SqlSelectItem> { new(keys[0], "_unit"), new(keys[1], "_entity") };
        select.AddRange(es.MemberAggregates);
        return new SqlSelect(select, new SqlDerived(union, "m"), [], null, keys);
    }

    private Typed MemberAggregate(Call c, EntityScope e, Env env)
    {
        if (e.Population.Members.Count == 0)
            throw new StyrkortException(env.At(c), $"population '{e.Population.Name}' is defined by region and has no member rows to aggregate");
        if (c.Clauses.During is not null || c.Clauses.Over is not null || c.Clauses.Per is not null || c.Clauses.From is not null)
            throw new StyrkortException(env.At(c), "an aggregate over an entity's member rows takes only 'where' and 'by'");
        var ms = new MemberScope(e, "m");
        var (agg, type) = Apply(c, ms, env, e.Population.Name);
        if (c.Clauses.Where is { } w && agg is SqlFunc f) agg = f with { Filter = Condition(w, ms, env) };
        var name = $"m{e.MemberAggregates.Count + 1}";
        e.MemberAggregates.Add(new SqlSelectItem(agg, name));
        return type with { Sql = Sql.Sql.Col(e.PopAlias, name) };
    }
}
