using Styrkort.Core.Binding;
using Styrkort.Core.Compilation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Sql;
using static Styrkort.Core.Sql.Sql;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Planning;

/// <summary>
/// Turns bound metrics into one SQL query for everything an evaluation asks: all metrics, all units, one or more
/// periods, and their breakdowns. What they share is planned once — a population's entities and their per-entity
/// conditions, the per-entity facts of a lookup dataset, the rows of a dataset in a window — as nodes that the query
/// reads (see docs/architecture.md).
/// </summary>
internal sealed partial class Planner(BoundGoalFile bound)
{
    internal const string Closure = "_unit_closure";
    private const string UnitRegions = "_unit_regions";

    private readonly Dictionary<string, PlanNode> _byKey = new(StringComparer.Ordinal);
    private readonly List<(int Tier, PlanNode Node)> _nodes = [];
    private readonly Dictionary<PeriodScalars, ExpressionSql> _expressions = [];
    private int _counter;

    private GoalFile File => bound.File;

    public ExpressionSql Expressions(PeriodScalars scalars)
    {
        if (!_expressions.TryGetValue(scalars, out var e)) _expressions[scalars] = e = new ExpressionSql(scalars);
        return e;
    }

    private T Node<T>(int tier, string key, Func<string, T> create, string prefix) where T : PlanNode
    {
        if (_byKey.TryGetValue(key, out var found)) return (T)found;
        var node = create($"{prefix}{++_counter}");
        _byKey[key] = node;
        _nodes.Add((tier, node));
        return node;
    }

    /// <summary>The CTEs of the plan, each after the ones it reads.</summary>
    public List<SqlCte> Ctes() => _nodes.OrderBy(n => n.Tier).Select(n => new SqlCte(n.Node.Name, n.Node.Emit(), n.Node.Materialized)).ToList();

    /// <summary>A value as a CTE read by a scalar subquery, for plans made without a warehouse at hand.</summary>
    public SqlExpr ValueCte(string name, PeriodScalars scalars)
    {
        var cte = "value_" + name;
        if (!_byKey.ContainsKey("value:" + name))
        {
            var sql = Scalar(bound.Values[name], scalars);
            _byKey["value:" + name] = new FixedNode(cte, () => new SqlSelect([new SqlSelectItem(sql, "v")], null, []), materialized: true);
            _nodes.Add((0, _byKey["value:" + name]));
        }
        return new SqlScalarSubquery(new SqlSelect([new SqlSelectItem(Col(cte, "v"), null)], new SqlTable(cte, cte), []));
    }

    /// <summary>A period's scalars with the named values as CTEs of this plan (no warehouse at hand to read them first).</summary>
    public PeriodScalars WithValueCtes(Periods.Period period)
    {
        PeriodScalars? scalars = null;
        scalars = new PeriodScalars(period, name => ValueCte(name, scalars!));
        return scalars;
    }

    public SqlExpr Scalar(BoundExpr e, PeriodScalars scalars) => Expressions(scalars).Render(e, new ScalarContext(this));

    public FactsNode Facts(Dataset entity, Dataset dataset, Column via) =>
        Node(1, $"facts:{entity.Name}:{dataset.Name}:{via.Name}", name => new FactsNode(name, entity, dataset, via), $"facts_{dataset.Name}_");

    private Compilation.Window? Resolve(BoundWindow? window, PeriodScalars scalars) =>
        window is null ? null : Windows.Resolve(window, scalars.Of, y => Scalar(y, scalars));

    /// <summary>An aggregate per unit (and segment): the node that computes it, and the column that holds it there.</summary>
    public (AggregateNode Node, SqlExpr Column) UnitAggregate(BoundAggregate a, PeriodScalars scalars, Dimension? dimension)
    {
        var es = Expressions(scalars);
        switch (a.Input)
        {
            case DatasetInput { Per: not null } d:
            {
                var select = DatasetQuery(a, d, scalars, dimension);
                var key = "per:" + KeyDialect.Instance.RenderBody(select);
                var node = Node(3, key, name => new AggregateNode(name, (_, _) => select, null), "agg");
                return (node, Col(node.Name, "v"));
            }
            case DatasetInput d:
            {
                var window = Resolve(d.Window, scalars);
                var rows = RowsSource(d.Dataset, true, window, d.Time?.Column);
                var ctx = new RowContext(d.Dataset, "r");
                var where = WindowPredicate(window, d, ctx, es);
                var key = $"rows:{KeyDialect.Instance.RenderBody(((SqlDerived)rows).Query)}|{KeyDialect.Of(where)}|{dimension?.Text}";
                var segment = dimension is null ? null : ctx.References.Dimension(dimension);
                var node = Node(3, key, name => new AggregateNode(name, (items, seg) => Grouped(rows, ctx.References.Joins, where, Col("r", "_unit"), seg, items), segment)
                {
                    Context = ctx,
                    // 'latest' is the latest time per reporting unit: it cannot be settled per row's own unit first.
                    Spread = window is LatestWindow ? null
                        : new Spread(RowsSource(d.Dataset, false, window, d.Time?.Column), ctx.References.Joins, where, Col("r", d.Dataset.UnitColumn!), Closure, "unit_id", "ancestor"),
                }, "agg");
                var rowContext = (RowContext)node.Context!;
                var sql = es.AggregateCall(a, rowContext, rowContext);
                return (node, node.Aggregate(sql, Decompose(a, sql)));
            }
            case PopulationInput { Population.Members.Count: 0 } p:
            {
                var entities = Entities(p.Entity);
                var conditionBound = bound.PopulationConditions.GetValueOrDefault(p.Population.Name);
                var condition = conditionBound is null ? null : entities.Column(es.Render(conditionBound, entities.Context));
                var region = entities.Column(Col("e", p.Population.RegionColumn!));
                var segment = dimension is null ? null : entities.Column(entities.Context.References.Dimension(dimension));
                var key = $"region:{entities.Name}|{KeyDialect.Of(region)}|{KeyDialect.Of(condition)}|{dimension?.Text}";
                var node = Node(3, key, name => new AggregateNode(name, (items, seg) => Grouped(new SqlTable(entities.Name, "p"),
                    [new SqlJoin(SqlJoinKind.Inner, new SqlTable(UnitRegions, "ur"), Eq(Col("ur", "region"), region))],
                    condition, Col("ur", "unit_id"), seg, items), segment)
                {
                    Spread = new Spread(new SqlTable(entities.Name, "p"), [], condition, region, UnitRegions, "region", "unit_id"),
                }, "agg");
                var sql = PerEntityAggregate(a, entities, es);
                return (node, node.Aggregate(sql, Decompose(a, sql)));
            }
            case PopulationInput p:
            {
                var window = Resolve(p.Window, scalars) as RangeWindow ?? throw new InvalidOperationException("a population window has a start and an end");
                var windowSql = new RangeWindowSql(window);
                var members = Node(2, $"members:{p.Population.Name}|{windowSql.Key}", name => new MembersNode(name, File, p.Population, windowSql), $"members_{p.Population.Name}_");
                var entities = Entities(p.Entity);
                var probe = new MemberEntityContext(entities, members);
                var condition = bound.PopulationConditions.GetValueOrDefault(p.Population.Name) is { } c ? es.Render(c, probe) : null;
                var key = $"members:{members.Name}|{KeyDialect.Of(condition)}|{dimension?.Text}";
                var node = Node(3, key, name =>
                {
                    var ctx = new MemberEntityContext(entities, members);
                    var segment = dimension is null ? null : ctx.Dimension(dimension);
                    var entityJoin = new SqlJoin(SqlJoinKind.Inner, new SqlTable(entities.Name, "x"), Eq(Col("x", "_entity"), Col("p", "_entity")));
                    return new AggregateNode(name, (items, seg) => Grouped(new SqlTable(members.Name, "p"), [entityJoin], condition, Col("p", "_unit"), seg, items), segment)
                    {
                        Context = ctx,
                    };
                }, "agg");
                return (node, node.Aggregate(MemberAggregate(a, (MemberEntityContext)node.Context!, entities, es)));
            }
            default: throw new InvalidOperationException(a.Input.GetType().Name);
        }
    }

    /// <summary>The entities of a dataset that region populations draw from, shared by all of them.</summary>
    private EntitiesNode Entities(Dataset entity) =>
        Node(2, $"entities:{entity.Name}", name =>
        {
            var ctx = new EntityContext(entity, this);
            var node = new EntitiesNode(name, entity) { Context = ctx };
            ctx.Reader = node;
            return node;
        }, $"entities_{entity.Name}_");

    /// <summary>An aggregation over a region population: its argument, filter and order are columns of the entities node.</summary>
    private static SqlExpr PerEntityAggregate(BoundAggregate a, EntitiesNode region, ExpressionSql es)
    {
        var ctx = region.Context;
        var filter = a.Filter is { } f ? region.Column(es.Render(f, ctx)) : null;
        if (a.Argument is null) return new SqlFunc("count_star", [], Filter: filter);
        var call = (SqlFunc)a.Function.Spell([region.Column(es.Render(a.Argument, ctx))]);
        if (a.Function.Ordered)
            call = call with
            {
                OrderBy = a.OrderBy.Select(k =>
                {
                    var column = region.Column(es.OrderValue(k, ctx));
                    return k.Descending ? (SqlExpr)new SqlDesc(column) : column;
                }).ToList(),
            };
        return call with { Filter = filter };
    }

    /// <summary>
    /// An aggregate as partials that add up exactly: sums and counts of whole numbers and exact decimals, minima and
    /// maxima, and means and shares of whole numbers (a sum of ones is exact in double precision, so the mean is the
    /// same bits). Null where the rows themselves are needed (a median, a distinct count, the first by an order, a mean
    /// of amounts in double precision).
    /// </summary>
    private static Decomposed? Decompose(BoundAggregate a, SqlExpr sql)
    {
        if (sql is not SqlFunc { Distinct: false, OrderBy: null } f) return null;
        var exactArgument = a.Argument?.Type is ValueType.Integer or ValueType.Decimal or ValueType.Null;
        switch (a.Function.Name)
        {
            case "count":
                return new Decomposed([f], p => new SqlCast(Func("sum", p[0]), SqlType.BigInt));
            case "sum" when exactArgument:
            case "min" or "max":
                return new Decomposed([f], p => Func(f.Name, p[0]));
            case "share":
            case "mean" or "avg" when a.Argument?.Type is ValueType.Integer:
                // avg(x) is sum(x) / count(x): both partials add up exactly here.
                var argument = f.Args[0];
                return new Decomposed(
                    [new SqlFunc("sum", [argument], Filter: f.Filter), new SqlFunc("count", [argument], Filter: f.Filter)],
                    p => new SqlBinary("/", Func("sum", p[0]), Func("nullif", new SqlCast(Func("sum", p[1]), SqlType.Double), Lit(0.0))));
            default:
                return null;
        }
    }

    /// <summary>
    /// An aggregation over a population made of member rows: whatever depends on the entity alone (a growth, a
    /// condition on the company) is a column of the entities node, computed once per entity and shared with the other
    /// populations; what depends on the member rows is written per (unit, entity).
    /// </summary>
    private static SqlExpr MemberAggregate(BoundAggregate a, MemberEntityContext ctx, EntitiesNode entities, ExpressionSql es)
    {
        SqlExpr Part(BoundExpr e) => PerEntity(e) ? Col("x", entities.ColumnName(es.Render(e, entities.Context))) : es.Render(e, ctx);
        var filter = a.Filter is { } f ? Part(f) : null;
        if (a.Argument is null) return new SqlFunc("count_star", [], Filter: filter);
        var call = (SqlFunc)a.Function.Spell([Part(a.Argument)]);
        if (a.Function.Ordered)
            call = call with
            {
                OrderBy = a.OrderBy.Select(k =>
                {
                    var value = PerEntity(k.Value) ? Col("x", entities.ColumnName(es.OrderValue(k, entities.Context))) : es.OrderValue(k, ctx);
                    return k.Descending ? (SqlExpr)new SqlDesc(value) : value;
                }).ToList(),
            };
        return call with { Filter = filter };
    }

    /// <summary>An expression of the entity alone: no member rows, no aggregate over them.</summary>
    private static bool PerEntity(BoundExpr e) => e switch
    {
        BoundAggregate => false,
        BoundColumn c => c.Site != ColumnSite.Member,
        BoundUnary u => PerEntity(u.Operand),
        BoundBinary b => PerEntity(b.Left) && PerEntity(b.Right),
        BoundIn i => PerEntity(i.Value) && i.Items.All(PerEntity),
        BoundIsEmpty i => PerEntity(i.Value),
        BoundCall c => c.Args.All(PerEntity),
        _ => true,
    };

    private static SqlSelect Grouped(SqlSource from, IReadOnlyList<SqlJoin> joins, SqlExpr? where, SqlExpr unit, SqlExpr? segment, IReadOnlyList<SqlSelectItem> aggregates)
    {
        var items = new List<SqlSelectItem> { new(unit, "unit_id") };
        var groupBy = new List<SqlExpr> { unit };
        if (segment is not null)
        {
            items.Add(new SqlSelectItem(segment, "_segment"));
            groupBy.Add(segment);
        }
        items.AddRange(aggregates);
        return new SqlSelect(items, from, joins, where, groupBy);
    }

    /// <summary>An aggregate over a dataset without units: one value for every unit, as a scalar subquery.</summary>
    public SqlExpr ScalarAggregate(BoundAggregate a, PeriodScalars scalars)
    {
        var d = (DatasetInput)a.Input;
        var value = new SqlScalarSubquery(DatasetQuery(a, d, scalars, null, perUnit: false));
        return ExpressionSql.WhenEmpty(a, value);
    }

    /// <summary>
    /// An aggregate over a dataset without units in a breakdown that its rows reach: one value per segment, the same for
    /// every unit (the market of a region), so that a ratio of a unit's rows to it is a ratio within the segment.
    /// </summary>
    public (PlanNode Node, SqlExpr Value) SegmentAggregate(BoundAggregate a, PeriodScalars scalars, Dimension dimension)
    {
        var select = DatasetQuery(a, (DatasetInput)a.Input, scalars, dimension, perUnit: false);
        var node = Node(3, "segment:" + KeyDialect.Instance.RenderBody(select), name => new FixedNode(name, () => select), "seg");
        return (node, ExpressionSql.WhenEmpty(a, Col(node.Name, "v")));
    }

    /// <summary>One aggregate over a dataset's rows as its own query: a scalar, or a two-step ('per') aggregation.</summary>
    private SqlSelect DatasetQuery(BoundAggregate a, DatasetInput d, PeriodScalars scalars, Dimension? dimension, bool perUnit = true)
    {
        var es = Expressions(scalars);
        perUnit &= d.PerUnit;
        var window = Resolve(d.Window, scalars);
        var rows = RowsSource(d.Dataset, perUnit, window, d.Time?.Column);
        var ctx = new RowContext(d.Dataset, "r");
        var where = WindowPredicate(window, d, ctx, es);
        var segment = dimension is null ? null : ctx.References.Dimension(dimension);
        if (d.Per is { } per)
        {
            var inner = new List<SqlSelectItem>();
            var group = new GroupContext(agg =>
            {
                var sql = es.AggregateCall(agg, ctx, ctx);
                var name = $"i{inner.Count + 1}";
                inner.Add(new SqlSelectItem(sql, name));
                return Col("g", name);
            });
            var outer = es.AggregateCall(a, group, null);
            if (a.Filter is { } f) where = And(where, es.Render(f, ctx));
            var keys = (perUnit ? [Col("r", "_unit")] : new List<SqlExpr>()).Concat(per.Select(col => Col("r", col.Name))).ToList();
            var keyItems = keys.Select(k => new SqlSelectItem(k, ((SqlColumn)k).Name)).ToList();
            if (segment is not null)
            {
                keys.Add(segment);
                keyItems.Add(new SqlSelectItem(segment, "_segment"));
            }
            var grouped = new SqlDerived(new SqlSelect([.. keyItems, .. inner], rows, ctx.References.Joins, where, keys), "g");
            var items = new List<SqlSelectItem>();
            var outerKeys = new List<SqlExpr>();
            if (perUnit)
            {
                items.Add(new SqlSelectItem(Col("g", "_unit"), "unit_id"));
                outerKeys.Add(Col("g", "_unit"));
            }
            if (segment is not null)
            {
                items.Add(new SqlSelectItem(Col("g", "_segment"), "_segment"));
                outerKeys.Add(Col("g", "_segment"));
            }
            items.Add(new SqlSelectItem(outer, "v"));
            return new SqlSelect(items, grouped, [], null, outerKeys.Count > 0 ? outerKeys : null);
        }
        var aggregate = es.AggregateCall(a, ctx, null);
        if (a.Filter is { } w) where = And(where, es.Render(w, ctx));
        if (segment is not null)
            return new SqlSelect([new SqlSelectItem(segment, "_segment"), new SqlSelectItem(aggregate, "v")], rows, ctx.References.Joins, where, [segment]);
        return new SqlSelect([new SqlSelectItem(aggregate, "v")], rows, ctx.References.Joins, where);
    }

    /// <summary>
    /// Which rows of the dataset (alias r) a window admits. The time may be a column of a referenced row, and a window
    /// relative to each row's own date reads its anchor from the row: both are joined through <paramref name="ctx"/>.
    /// </summary>
    private static SqlExpr? WindowPredicate(Compilation.Window? window, DatasetInput d, RowContext ctx, ExpressionSql es) => window switch
    {
        RangeWindow range => range.Predicate(ctx.Column(d.Time!), d.Time!.Column.Type),
        LatestWindow => Eq(Col("r", d.Time!.Column.Name), Col("r", "_latest")),
        AnchoredRange anchored => anchored.Predicate(ctx.Column(d.Time!), d.Time!.Column.Type, es.Render(anchored.Bound.Anchor, ctx)),
        _ => null,
    };

    /// <summary>The dataset's rows with their reporting unit (every ancestor of the row's unit) and, for 'latest', the latest time.</summary>
    private static SqlSource RowsSource(Dataset dataset, bool perUnit, Compilation.Window? window, Column? time)
    {
        SqlSource from = new SqlTable(dataset.Name, "d");
        var items = new List<SqlSelectItem> { new(new SqlStar("d"), null) };
        var joins = new List<SqlJoin>();
        SqlExpr? where = null;
        if (perUnit)
        {
            joins.Add(new SqlJoin(SqlJoinKind.Inner, new SqlTable(Closure, "c"), Eq(Col("c", "unit_id"), Col("d", dataset.UnitColumn!))));
            items.Add(new SqlSelectItem(Col("c", "ancestor"), "_unit"));
        }
        if (window is LatestWindow latest)
        {
            var t = Col("d", time!.Name);
            var upTo = latest.UpTo.Predicate(t, time.Type);
            if (latest.PartitionColumns.Count > 0)
            {
                var partition = latest.PartitionColumns.Select(col => Col("d", dataset.Find(col)!.Name)).ToList();
                var inner = new SqlSelect([new(new SqlStar("d"), null), new(new SqlWindow(new SqlFunc("max", [t]), partition), "_latest")],
                    new SqlTable(dataset.Name, "d"), [], upTo);
                from = new SqlDerived(inner, "d");
            }
            else
            {
                where = upTo;
                var partition = perUnit ? new List<SqlExpr> { Col("c", "ancestor") } : [];
                items.Add(new SqlSelectItem(new SqlWindow(new SqlFunc("max", [t]), partition), "_latest"));
            }
        }
        return new SqlDerived(new SqlSelect(items, from, joins, where), "r");
    }

    /// <summary>
    /// The value of a metric per unit (and segment): the select over the units (or the segments found) with the
    /// metric's aggregate nodes joined.
    /// </summary>
    /// <returns>Also, in a breakdown, the per-segment aggregates over datasets without units (joined on the segment alone).</returns>
    public (SqlExpr Value, List<AggregateNode> Nodes, List<PlanNode> SegmentNodes) MetricValue(string metric, PeriodScalars scalars, Dimension? dimension)
    {
        var ctx = new UnitContext(this, dimension);
        var value = Expressions(scalars).Render(bound.Metrics[metric], ctx);
        var cast = new SqlCast(value, bound.IsExact(metric) ? SqlType.Decimal : SqlType.Double);
        return (cast, ctx.Nodes, ctx.SegmentNodes);
    }

    public static List<SqlJoin> UnitJoins(IEnumerable<AggregateNode> nodes, string alias, bool segmented) =>
        nodes.Select(n => new SqlJoin(SqlJoinKind.Left, new SqlTable(n.Name, n.Name),
            segmented
                ? And(Eq(Col(n.Name, "unit_id"), Col(alias, "unit_id")), new SqlBinary("IS NOT DISTINCT FROM", Col(n.Name, "_segment"), Col(alias, "_segment")))
                : Eq(Col(n.Name, "unit_id"), Col(alias, "unit_id")))).ToList();

    /// <summary>A results node: one named column per metric, one row per unit.</summary>
    public FixedNode Totals(IReadOnlyList<(string Name, SqlExpr Value)> columns, IEnumerable<AggregateNode> nodes)
    {
        var joins = UnitJoins(nodes.Distinct(), "u", segmented: false);
        var items = new List<SqlSelectItem> { new(Col("u", "unit_id"), "unit_id") };
        items.AddRange(columns.Select(c => new SqlSelectItem(c.Value, c.Name)));
        var select = new SqlSelect(items, new SqlTable("_units", "u"), joins);
        var name = $"results{++_counter}";
        var node = new FixedNode(name, () => select, materialized: true);
        _nodes.Add((4, node));
        return node;
    }

    /// <summary>The segments of one metric: every (unit, key) some aggregate of it has rows for, with the metric computed from those rows.</summary>
    /// <remarks>
    /// The segments are those of the unit's own rows; an aggregate over a dataset without units (<paramref name="segmentNodes"/>)
    /// gives its value to each of them but adds none: the market of a region where the unit sells nothing is not its segment.
    /// </remarks>
    public SqlSelect? Segments(SqlExpr value, IReadOnlyList<AggregateNode> nodes, IReadOnlyList<PlanNode> segmentNodes)
    {
        if (nodes.Count == 0) return null;
        var keys = nodes.Select(n => (SqlQueryBody)new SqlSelect([new(Col(n.Name, "unit_id"), "unit_id"), new(Col(n.Name, "_segment"), "_segment")],
            new SqlTable(n.Name, n.Name), [])).ToList();
        var union = keys.Count == 1 ? keys[0] : new SqlUnion(keys, All: false);
        var joins = UnitJoins(nodes, "k", segmented: true);
        joins.AddRange(segmentNodes.Select(n => new SqlJoin(SqlJoinKind.Left, new SqlTable(n.Name, n.Name),
            new SqlBinary("IS NOT DISTINCT FROM", Col(n.Name, "_segment"), Col("k", "_segment")))));
        return new SqlSelect([new(Col("k", "unit_id"), "unit_id"), new(new SqlCast(Col("k", "_segment"), SqlType.Text), "seg"), new(value, "v")],
            new SqlDerived(union, "k"), joins);
    }
}
