using Styrkort.Core.Binding;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Sql;
using static Styrkort.Core.Sql.Sql;

namespace Styrkort.Core.Planning;

/// <summary>Joins along 'references' from one alias, each made once: the referenced row of a row, the region of a company.</summary>
internal sealed class ReferenceJoins(string alias, Dataset from)
{
    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);
    public List<SqlJoin> Joins { get; } = [];

    /// <summary>The alias of <paramref name="target"/> reached from the row through <paramref name="via"/> (and the path before it).</summary>
    public string Through(string fromAlias, Column via, Dataset target)
    {
        var key = fromAlias + "." + via.Name;
        if (!_aliases.TryGetValue(key, out var joined))
        {
            joined = fromAlias == alias ? "r_" + via.Name : fromAlias + "_" + via.Name;
            _aliases[key] = joined;
            Joins.Add(new SqlJoin(SqlJoinKind.Left, new SqlTable(target.Name, joined), Eq(Col(joined, target.Key[0]), Col(fromAlias, via.Name))));
        }
        return joined;
    }

    /// <summary>A breakdown's column reached from the row along the dimension's path.</summary>
    public SqlExpr Dimension(Dimension dimension)
    {
        var at = alias;
        foreach (var (via, target) in dimension.PathFrom(from)!)
            at = Through(at, via, target);
        return Col(at, dimension.Column.Name);
    }
}

/// <summary>A row of a dataset (alias r), with the rows it references joined on demand.</summary>
internal sealed class RowContext(Dataset dataset, string alias) : SqlContext
{
    public ReferenceJoins References { get; } = new(alias, dataset);

    public override SqlExpr Column(BoundColumn column) => column.Site switch
    {
        ColumnSite.Row => Col(alias, column.Column.Name),
        ColumnSite.Referenced => Col(References.Through(alias, column.Via!, column.Dataset), column.Column.Name),
        _ => throw new InvalidOperationException($"{column.Site} column in a row"),
    };
}

/// <summary>A group of a two-step aggregation (alias g): its 'per' columns and its inner aggregates.</summary>
internal sealed class GroupContext(Func<BoundAggregate, SqlExpr> inner) : SqlContext
{
    public override SqlExpr Column(BoundColumn column) => Col("g", column.Column.Name);
    public override SqlExpr Aggregate(BoundAggregate aggregate, ExpressionSql es) => inner(aggregate);
}

/// <summary>
/// One entity (alias e) inside the entities node: its columns, the rows it references, and its facts (at(…) lookups),
/// which come from the facts nodes joined on the entity's key.
/// </summary>
internal sealed class EntityContext(Dataset entity, Planner planner) : SqlContext
{
    /// <summary>The node these facts are joined into (it reads them).</summary>
    public PlanNode? Reader { get; set; }

    private readonly List<FactsNode> _facts = [];
    public ReferenceJoins References { get; } = new("e", entity);

    public override SqlExpr Column(BoundColumn column) => column.Site switch
    {
        ColumnSite.Entity => Col("e", column.Column.Name),
        ColumnSite.Member => Col("m", column.MemberTime ? "_time" : column.Column.Name),
        _ => throw new InvalidOperationException($"{column.Site} column of an entity"),
    };

    public override SqlExpr Lookup(BoundLookup lookup, ExpressionSql es)
    {
        var node = planner.Facts(entity, lookup.Dataset, lookup.Via);
        if (!_facts.Contains(node)) _facts.Add(node);
        if (Reader is not null) node.Readers.Add(Reader);
        return node.Fact(lookup.Column, lookup.Keys.Select(k => (k.Column, planner.Scalar(k.Value, es.Scalars))).ToList());
    }

    /// <summary>The facts joined on the entity key, and the rows the entity references for breakdowns.</summary>
    public List<SqlJoin> Joins(SqlExpr entityKey) =>
        _facts.Select(f => new SqlJoin(SqlJoinKind.Left, new SqlTable(f.Name, f.Name), Eq(Col(f.Name, "_entity"), entityKey)))
            .Concat(References.Joins).ToList();
}

/// <summary>
/// One entity of a population made of member rows, per unit (alias p, the members node): its columns and facts are read
/// from the entities node (alias x), where they are computed once per entity; its member aggregates from the members
/// node; member columns (alias m) inside those.
/// </summary>
internal sealed class MemberEntityContext(EntitiesNode entities, MembersNode members) : SqlContext
{
    private readonly MemberRowsContext _rows = new();

    public override SqlExpr Column(BoundColumn column) => column.Site switch
    {
        ColumnSite.Entity => Col("x", entities.ColumnName(Col("e", column.Column.Name))),
        _ => _rows.Column(column),
    };

    public override SqlExpr Lookup(BoundLookup lookup, ExpressionSql es) => Col("x", entities.ColumnName(entities.Context.Lookup(lookup, es)));

    public override SqlExpr Aggregate(BoundAggregate aggregate, ExpressionSql es) => members.Aggregate(es.AggregateCall(aggregate, _rows, _rows));

    public SqlExpr Dimension(Dimension dimension) => Col("x", entities.ColumnName(entities.Context.References.Dimension(dimension)));

    /// <summary>An entity's member rows (alias m), inside a member aggregate.</summary>
    private sealed class MemberRowsContext : SqlContext
    {
        public override SqlExpr Column(BoundColumn column) => column.Site switch
        {
            ColumnSite.Member => Col("m", column.MemberTime ? "_time" : column.Column.Name),
            _ => Col("e", column.Column.Name),
        };
    }
}

/// <summary>A value computed once per period: aggregates over datasets without units become scalar subqueries.</summary>
internal sealed class ScalarContext(Planner planner) : SqlContext
{
    public override SqlExpr Column(BoundColumn column) => throw new InvalidOperationException("a column in a scalar");
    public override SqlExpr Aggregate(BoundAggregate aggregate, ExpressionSql es) => planner.ScalarAggregate(aggregate, es.Scalars);
}

/// <summary>A metric per unit (and segment): each aggregate is a column of its aggregate node, joined on the unit.</summary>
internal sealed class UnitContext(Planner planner, Dimension? dimension) : SqlContext
{
    public List<AggregateNode> Nodes { get; } = [];

    /// <summary>Aggregates over datasets without units, split by the breakdown's segments.</summary>
    public List<PlanNode> SegmentNodes { get; } = [];

    public override SqlExpr Column(BoundColumn column) => throw new InvalidOperationException("a column at the level of a metric");

    public override SqlExpr Aggregate(BoundAggregate aggregate, ExpressionSql es)
    {
        if (aggregate.Input is DatasetInput { PerUnit: false } whole)
        {
            // Rows without units that reach the dimension are split by it as a unit's rows are: a region's sales
            // against that region's market. Rows that do not reach it (a price index) are the same for every segment.
            if (dimension is null || dimension.PathFrom(whole.Dataset) is null) return planner.ScalarAggregate(aggregate, es.Scalars);
            var (segmentNode, value) = planner.SegmentAggregate(aggregate, es.Scalars, dimension);
            if (!SegmentNodes.Contains(segmentNode)) SegmentNodes.Add(segmentNode);
            return value;
        }
        var (node, column) = planner.UnitAggregate(aggregate, es.Scalars, dimension);
        if (!Nodes.Contains(node)) Nodes.Add(node);
        return ExpressionSql.WhenEmpty(aggregate, column);
    }
}
