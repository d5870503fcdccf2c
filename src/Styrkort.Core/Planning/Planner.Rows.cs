using Styrkort.Core.Binding;
using Styrkort.Core.Compilation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using static Styrkort.Core.Sql.Sql;

namespace Styrkort.Core.Planning;

/// <summary>
/// The rows behind a metric: the same row sources, windows and filters the aggregate nodes are built from, but selecting
/// the dataset's rows of one unit instead of aggregating them per unit.
/// </summary>
internal sealed partial class Planner
{
    /// <summary>How one dataset is read: its row source and the predicates of every aggregation over it (any one admits a row).</summary>
    private sealed class DatasetRead(Dataset dataset, bool perUnit, SqlSource rows, string sourceKey, string? population)
    {
        public Dataset Dataset => dataset;
        public bool PerUnit => perUnit;
        public SqlSource Rows => rows;
        public string SourceKey => sourceKey;
        public string? Population => population;
        public RowContext Context { get; } = new(dataset, "r");
        public List<SqlExpr> Predicates { get; } = [];
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public void Admit(SqlExpr predicate)
        {
            if (_keys.Add(KeyDialect.Of(predicate))) Predicates.Add(predicate);
        }
    }

    public MetricRowsTrace TraceRows(string metric, string unit, Period period)
    {
        var scalars = WithValueCtes(period);
        var es = Expressions(scalars);
        var reads = new Dictionary<string, DatasetRead>(StringComparer.OrdinalIgnoreCase);
        var untraced = new List<UntracedInput>();
        var twice = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Untraced(string dataset, UntracedKind kind)
        {
            if (!untraced.Any(u => u.Dataset.Equals(dataset, StringComparison.OrdinalIgnoreCase) && u.Kind == kind)) untraced.Add(new UntracedInput(dataset, kind));
        }

        DatasetRead? ReadOf(Dataset dataset, bool perUnit, Compilation.Window? window, Column? time, string? population)
        {
            var rows = RowsSource(dataset, perUnit, window, time);
            var key = $"{perUnit}|{population}|{KeyDialect.Instance.RenderBody(((SqlDerived)rows).Query)}";
            if (twice.Contains(dataset.Name)) return null;
            if (!reads.TryGetValue(dataset.Name, out var read)) reads[dataset.Name] = read = new DatasetRead(dataset, perUnit, rows, key, population);
            if (read.SourceKey == key) return read;
            // Rows read as two different sources cannot be one list without one of them being wrong.
            reads.Remove(dataset.Name);
            twice.Add(dataset.Name);
            Untraced(dataset.Name, UntracedKind.ReadTwoWays);
            return null;
        }

        // Lookups read rows per entity; population aggregations' arguments may hold them.
        void Lookups(BoundExpr? e)
        {
            switch (e)
            {
                case BoundLookup l: Untraced(l.Dataset.Name, UntracedKind.Lookup); l.Keys.ToList().ForEach(k => Lookups(k.Value)); return;
                case BoundUnary u: Lookups(u.Operand); return;
                case BoundBinary b: Lookups(b.Left); Lookups(b.Right); return;
                case BoundIn i: Lookups(i.Value); i.Items.ToList().ForEach(Lookups); return;
                case BoundIsEmpty i: Lookups(i.Value); return;
                case BoundCall c: c.Args.ToList().ForEach(Lookups); return;
                case BoundAggregate a: Lookups(a.Argument); Lookups(a.Filter); a.OrderBy.ToList().ForEach(k => Lookups(k.Value)); return;
            }
        }

        void Visit(BoundExpr? e)
        {
            switch (e)
            {
                case BoundUnary u: Visit(u.Operand); return;
                case BoundBinary b: Visit(b.Left); Visit(b.Right); return;
                case BoundIn i: Visit(i.Value); i.Items.ToList().ForEach(Visit); return;
                case BoundIsEmpty i: Visit(i.Value); return;
                case BoundCall c: c.Args.ToList().ForEach(Visit); return;
                case BoundLookup: Lookups(e); return;
                case BoundAggregate { Input: DatasetInput d } a:
                {
                    var window = Resolve(d.Window, scalars);
                    if (ReadOf(d.Dataset, d.PerUnit, window, d.Time?.Column, null) is not { } read) return;
                    // In a two-step aggregation the 'where' selects the rows before they are grouped, as here.
                    var predicate = And(WindowPredicate(window, d, read.Context, es), a.Filter is { } f ? es.Render(f, read.Context) : null);
                    read.Admit(predicate);
                    Lookups(a.Argument);
                    return;
                }
                case BoundAggregate { Input: PopulationInput p } a:
                {
                    Lookups(a.Argument);
                    Lookups(a.Filter);
                    Lookups(bound.PopulationConditions.GetValueOrDefault(p.Population.Name));
                    if (p.Population.Members.Count == 0)
                    {
                        Untraced(p.Entity.Name, UntracedKind.RegionPopulation);
                        return;
                    }
                    Untraced(p.Entity.Name, UntracedKind.PopulationEntities);
                    // The member rows exactly as the members node reads them: the unit's subtree, the population's window.
                    var window = (RangeWindow)Resolve(p.Window, scalars)!;
                    foreach (var member in p.Population.Members)
                    {
                        var data = File.Datasets[member.Dataset];
                        var time = data.Find(member.Time)!;
                        if (ReadOf(data, true, window, time, p.Population.Name) is { } read)
                            read.Admit(window.Predicate(Col("r", time.Name), time.Type));
                    }
                    return;
                }
            }
        }

        Visit(bound.Metrics[metric]);
        var ctes = Ctes();
        var traced = reads.Values.Select(read =>
        {
            var columns = read.Dataset.Columns.Select(c => new SqlSelectItem(Col("r", c.Name), c.Name)).ToList();
            var admitted = read.Predicates.Count == 0 ? null : read.Predicates.Skip(1).Aggregate(read.Predicates[0], (acc, x) => new SqlBinary("OR", acc, x));
            var where = read.PerUnit ? And(Eq(Col("r", "_unit"), Lit(unit)), admitted) : admitted;
            var order = read.Dataset.Key.Select(k => Col("r", read.Dataset.Find(k)?.Name ?? k)).ToList();
            var body = new SqlSelect(columns, read.Rows, read.Context.References.Joins, where, OrderBy: order);
            return new TracedRows(read.Dataset, new SqlQuery(ctes, body), read.Population, !read.PerUnit);
        }).OrderBy(t => t.Population is not null).ThenBy(t => t.Dataset.Name, StringComparer.Ordinal).ToList();
        return new MetricRowsTrace(metric, unit, period, traced, untraced);
    }
}
