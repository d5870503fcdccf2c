using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;

namespace Styrkort.Core.Compilation;

/// <summary>Which datasets a metric reads, through the values, functions, populations and metrics it names.</summary>
public static class MetricLineage
{
    public static IReadOnlyList<string> Datasets(GoalFile file, string metric)
    {
        var found = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Visit(Formula formula)
        {
            foreach (var token in Lexer.Tokenize(formula.Text, formula.Locate).Where(t => t.Kind == TokenKind.Ident))
            {
                var name = token.Text;
                if (file.Datasets.ContainsKey(name)) found.Add(name);
                if (!seen.Add(name)) continue;
                if (file.Metrics.TryGetValue(name, out var m)) Visit(m.Formula);
                if (file.Values.TryGetValue(name, out var v)) Visit(v);
                if (file.Functions.TryGetValue(name, out var f)) Visit(f.Body);
                if (file.Populations.TryGetValue(name, out var p))
                {
                    found.Add(p.Entity);
                    foreach (var member in p.Members) found.Add(member.Dataset);
                    if (p.Where is { } where) Visit(where);
                }
            }
        }
        Visit(file.Metrics[metric].Formula);
        return found.ToList();
    }
}
