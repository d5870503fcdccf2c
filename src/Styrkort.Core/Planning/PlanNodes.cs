using Styrkort.Core.Binding;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Sql;
using static Styrkort.Core.Sql.Sql;

namespace Styrkort.Core.Planning;

/// <summary>
/// A step of the plan, written as one CTE. Nodes are shared: every metric, unit and period that needs the same step
/// (the same SQL) gets the same node, and the columns it needs are added to it.
/// </summary>
internal abstract class PlanNode(string name)
{
    public string Name { get; } = name;

    /// <summary>Materialised steps are computed once however often they are read (populations, per-entity facts).</summary>
    public virtual bool Materialized => false;

    public abstract SqlQueryBody Emit();

    /// <summary>Named columns built from SQL, each added once (their SQL is their identity).</summary>
    protected sealed class Columns(string prefix)
    {
        private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
        public List<(SqlExpr Sql, string Name)> Items { get; } = [];

        public string Add(SqlExpr sql)
        {
            var key = KeyDialect.Of(sql);
            if (!_byKey.TryGetValue(key, out var name))
            {
                name = prefix + (Items.Count + 1);
                _byKey[key] = name;
                Items.Add((sql, name));
            }
            return name;
        }
    }
}

/// <summary>
/// Per-entity facts: one scan of a dataset keyed by (entity, …) that turns every at(dataset.column, key = value) of
/// the plan into a column per entity: a company's net revenue of the years F, B and F−3 from one read of financials.
/// </summary>
internal sealed class FactsNode(string name, Dataset entity, Dataset dataset, Column via) : PlanNode(name)
{
    private readonly Columns _facts = new("f");
    private readonly List<SqlExpr> _conditions = [];
    private readonly HashSet<string> _conditionKeys = new(StringComparer.Ordinal);
    private bool _everyRow;

    /// <summary>Read by one entities node, it is computed as part of it; read by several, once for all.</summary>
    public override bool Materialized => Readers.Count > 1;
    public HashSet<PlanNode> Readers { get; } = [];
    public Dataset Entity => entity;

    public SqlExpr Fact(Column column, IReadOnlyList<(Column Key, SqlExpr Value)> keys)
    {
        var condition = keys.Aggregate((SqlExpr?)null, (acc, k) => And(acc, Eq(Col("d", k.Key.Name), k.Value)));
        var value = Col("d", column.Name);
        // The key is fixed, so at most one row matches: any aggregate picks its value (bool_or for a condition).
        var pick = new SqlFunc(column.Type == ColumnType.Boolean ? "bool_or" : "max", [value], Filter: condition);
        if (condition is null) _everyRow = true;
        else if (_conditionKeys.Add(KeyDialect.Of(condition))) _conditions.Add(condition);
        return Col(Name, _facts.Add(pick));
    }

    public override SqlQueryBody Emit()
    {
        var items = new List<SqlSelectItem> { new(Col("d", via.Name), "_entity") };
        items.AddRange(_facts.Items.Select(f => new SqlSelectItem(f.Sql, f.Name)));
        // Only the rows some fact needs are read (a few fiscal years of many); one key column as an IN list, which the
        // engine pushes into its scan.
        SqlExpr? where = null;
        if (!_everyRow && _conditions.Count > 0)
            where = _conditions.All(c => c is SqlBinary { Op: "=", Left: SqlColumn col } && col == ((SqlBinary)_conditions[0]).Left)
                ? new SqlIn(((SqlBinary)_conditions[0]).Left, _conditions.Select(c => ((SqlBinary)c).Right).ToList(), Negated: false)
                : _conditions.Skip(1).Aggregate(_conditions[0], (acc, c) => new SqlBinary("OR", acc, c));
        return new SqlSelect(items, new SqlTable(dataset.Name, "d"), [], where, [Col("d", via.Name)]);
    }
}

/// <summary>
/// The entities of a dataset (companies) that populations defined by region draw from: each entity once, with each
/// population's condition checked per entity as a column (before the entities are spread to the units whose regions
/// hold them) and the per-entity expressions every aggregation over them needs. Every region population of the
/// entity, in every period, shares this node and its one join with the per-entity facts.
/// </summary>
internal sealed class EntitiesNode(string name, Dataset entity) : PlanNode(name)
{
    private readonly Columns _columns = new("x");
    public override bool Materialized => true;
    public required EntityContext Context { get; init; }

    /// <summary>A per-entity expression (written in <see cref="Context"/>) as a column of this node; its name.</summary>
    public string ColumnName(SqlExpr perEntity) => _columns.Add(perEntity);

    /// <summary>As <see cref="ColumnName"/>, read from alias p.</summary>
    public SqlExpr Column(SqlExpr perEntity) => Col("p", ColumnName(perEntity));

    public override SqlQueryBody Emit()
    {
        // Every entity, not only those of some population: aggregations over member rows (the customers) read their
        // customers' per-entity values from here too, so that the facts are joined once.
        var items = new List<SqlSelectItem> { new(Col("e", entity.Key[0]), "_entity") };
        items.AddRange(_columns.Items.Select(c => new SqlSelectItem(c.Sql, c.Name)));
        return new SqlSelect(items, new SqlTable(entity.Name, "e"), Context.Joins(Col("e", entity.Key[0])));
    }
}

/// <summary>The (unit, entity) pairs met in a population's member datasets within a window, with the member aggregates.</summary>
internal sealed class MembersNode(string name, GoalFile file, Population population, RangeWindowSql window) : PlanNode(name)
{
    private readonly Columns _aggregates = new("m");
    public override bool Materialized => true;

    public SqlExpr Aggregate(SqlExpr aggregate) => Col("p", _aggregates.Add(aggregate));

    public override SqlQueryBody Emit()
    {
        var entity = file.Datasets[population.Entity];
        var parts = population.Members.Select(member =>
        {
            var data = file.Datasets[member.Dataset];
            var via = data.Columns.First(col => string.Equals(col.References, entity.Name, StringComparison.OrdinalIgnoreCase));
            var time = data.Find(member.Time)!;
            var items = new List<SqlSelectItem> { new(Col("c", "ancestor"), "_unit"), new(Col("d", via.Name), "_entity"), new(Col("d", time.Name), "_time") };
            items.AddRange(population.MemberColumns.Select(col => new SqlSelectItem(Col("d", data.Find(col)!.Name), col)));
            return (SqlQueryBody)new SqlSelect(items, new SqlTable(data.Name, "d"),
                [new SqlJoin(SqlJoinKind.Inner, new SqlTable(Planner.Closure, "c"), Eq(Col("c", "unit_id"), Col("d", data.UnitColumn!)))],
                window.Window.Predicate(Col("d", time.Name), time.Type));
        }).ToList();
        SqlQueryBody union = parts.Count == 1 ? parts[0] : new SqlUnion(parts, All: true);
        var keys = new List<SqlExpr> { Col("m", "_unit"), Col("m", "_entity") };
        var select = new List<SqlSelectItem> { new(keys[0], "_unit"), new(keys[1], "_entity") };
        select.AddRange(_aggregates.Items.Select(a => new SqlSelectItem(a.Sql, a.Name)));
        return new SqlSelect(select, new SqlDerived(union, "m"), [], null, keys);
    }
}

/// <summary>A resolved range window with its identity.</summary>
internal sealed record RangeWindowSql(Compilation.RangeWindow Window)
{
    public string Key => string.Join("|", new[] { Window.StartDate, Window.EndDate, Window.StartYear, Window.EndYear, Window.StartMonth, Window.EndMonth }.Select(KeyDialect.Of));
}

/// <summary>
/// Aggregates per reporting unit (and segment, for a breakdown) over one input: a dataset's rows in a window, or a
/// population's entities. Every metric that aggregates the same input adds its aggregates here, each with its own
/// filter, so the input is read once.
/// </summary>
internal sealed class AggregateNode(string name, Func<IReadOnlyList<SqlSelectItem>, SqlExpr?, SqlQueryBody> emit, SqlExpr? segment) : PlanNode(name)
{
    private readonly Columns _aggregates = new("a");
    private readonly Dictionary<string, Decomposed?> _parts = [];

    /// <summary>The context the node's aggregates are written in (its rows, its entities), shared by all of them.</summary>
    public SqlContext? Context { get; init; }

    /// <summary>
    /// How the rows reach the units — through the unit tree (a row counts for its unit's ancestors) or the regions —
    /// when the node may aggregate per row's own unit or region first and spread only those partial results.
    /// </summary>
    public Spread? Spread { get; init; }

    public SqlExpr Aggregate(SqlExpr aggregate, Decomposed? parts = null)
    {
        var name = _aggregates.Add(aggregate);
        _parts.TryAdd(name, parts);
        return Col(Name, name);
    }

    public override SqlQueryBody Emit()
    {
        // Spreading a row to every unit above it multiplies the rows by the tree's depth (a company by its region's
        // units); sums, counts, extremes and shares of whole numbers add up exactly, so they are computed per
        // unit (or region) of the row first and only those few partial results are spread. Medians and the like
        // need the rows themselves.
        if (Spread is { } spread && _aggregates.Items.Count > 0 && _aggregates.Items.All(a => _parts[a.Name] is not null))
        {
            var inner = new List<SqlSelectItem>();
            var outer = new List<SqlSelectItem>();
            foreach (var (_, column) in _aggregates.Items)
            {
                var parts = _parts[column]!;
                var names = parts.Partials.Select((p, i) => $"{column}_{i}").ToList();
                inner.AddRange(parts.Partials.Select((p, i) => new SqlSelectItem(p, names[i])));
                outer.Add(new SqlSelectItem(parts.Combine(names.Select(n => Col("i", n)).ToList()), column));
            }
            return spread.Emit(inner, outer, segment);
        }
        return emit(_aggregates.Items.Select(a => new SqlSelectItem(a.Sql, a.Name)).ToList(), segment);
    }
}

/// <summary>An aggregate as partial aggregates per spread key, and how the partials combine into its value.</summary>
internal sealed record Decomposed(IReadOnlyList<SqlExpr> Partials, Func<IReadOnlyList<SqlExpr>, SqlExpr> Combine);

/// <summary>
/// The rows of an aggregate node before they are spread (<paramref name="Rows"/>, filtered by <paramref name="Where"/>),
/// the key they are spread by (a row's unit, an entity's region), and the table that spreads them: a unit's subtree
/// (_unit_closure: unit_id → ancestor) or its regions (_unit_regions: region → unit_id).
/// </summary>
internal sealed record Spread(SqlSource Rows, IReadOnlyList<SqlJoin> Joins, SqlExpr? Where, SqlExpr Key, string Table, string KeyColumn, string UnitColumn)
{
    public SqlQueryBody Emit(IReadOnlyList<SqlSelectItem> partials, IReadOnlyList<SqlSelectItem> combined, SqlExpr? segment)
    {
        var keys = new List<SqlExpr> { Key };
        var innerItems = new List<SqlSelectItem> { new(Key, "_key") };
        if (segment is not null)
        {
            keys.Add(segment);
            innerItems.Add(new SqlSelectItem(segment, "_segment"));
        }
        innerItems.AddRange(partials);
        var inner = new SqlDerived(new SqlSelect(innerItems, Rows, Joins, Where, keys), "i");
        var unit = Col("s", UnitColumn);
        var items = new List<SqlSelectItem> { new(unit, "unit_id") };
        var groupBy = new List<SqlExpr> { unit };
        if (segment is not null)
        {
            items.Add(new SqlSelectItem(Col("i", "_segment"), "_segment"));
            groupBy.Add(Col("i", "_segment"));
        }
        items.AddRange(combined);
        return new SqlSelect(items, inner, [new SqlJoin(SqlJoinKind.Inner, new SqlTable(Table, "s"), Eq(Col("s", KeyColumn), Col("i", "_key")))], null, groupBy);
    }
}

/// <summary>Any other step, written once (a two-step aggregation, the results of a period).</summary>
internal sealed class FixedNode(string name, Func<SqlQueryBody> emit, bool materialized = false) : PlanNode(name)
{
    public override bool Materialized => materialized;
    public override SqlQueryBody Emit() => emit();
}
