using Styrkort.Core.Binding;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Compilation;

/// <summary>Which datasets a metric reads, read off its bound tree: what it aggregates, the rows it joins and looks up, its populations and their conditions.</summary>
public static class MetricLineage
{
    public static IReadOnlyList<string> Datasets(GoalFile file, string metric)
    {
        var bound = BoundGoalFile.Of(file);
        var found = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var populations = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Window(BoundWindow? window)
        {
            if (window is YearWindow y) Visit(y.Year);
            if (window is AnchoredWindow a) Visit(a.Anchor);
        }

        void Visit(BoundExpr? e)
        {
            switch (e)
            {
                case null: return;
                case BoundColumn c:
                    found.Add(c.Dataset.Name);
                    return;
                case BoundValueReference v when values.Add(v.Name) && bound.Values.TryGetValue(v.Name, out var value):
                    Visit(value);
                    return;
                case BoundUnary u: Visit(u.Operand); return;
                case BoundBinary b: Visit(b.Left); Visit(b.Right); return;
                case BoundIn i: Visit(i.Value); i.Items.ToList().ForEach(Visit); return;
                case BoundIsEmpty i: Visit(i.Value); return;
                case BoundCall c: c.Args.ToList().ForEach(Visit); return;
                case BoundLookup l:
                    found.Add(l.Dataset.Name);
                    l.Keys.ToList().ForEach(k => Visit(k.Value));
                    return;
                case BoundAggregate a:
                    Visit(a.Argument);
                    Visit(a.Filter);
                    a.OrderBy.ToList().ForEach(k => Visit(k.Value));
                    switch (a.Input)
                    {
                        case DatasetInput d:
                            found.Add(d.Dataset.Name);
                            Visit(d.Time);
                            Window(d.Window);
                            break;
                        case PopulationInput p:
                            found.Add(p.Entity.Name);
                            foreach (var member in p.Population.Members) found.Add(member.Dataset);
                            Window(p.Window);
                            if (populations.Add(p.Population.Name)) Visit(bound.PopulationConditions.GetValueOrDefault(p.Population.Name));
                            break;
                    }
                    return;
            }
        }

        if (bound.Metrics.TryGetValue(metric, out var tree)) Visit(tree);
        return found.ToList();
    }
}
