using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Binding;

internal sealed partial class Binder
{
    private BoundExpr BindAggregate(Call c, Builtin fn, BindScope s, Env env)
    {
        switch (s)
        {
            case GroupScope g: return InnerAggregate(c, fn, g, env);
            case EntityScope e: return MemberAggregate(c, fn, e, env);
            case RowScope or MemberScope:
                throw new StyrkortException(env.At(c), $"{c.Name}(…) cannot stand {Where(s)}; to aggregate in two steps, use 'per' on the outer aggregation");
        }
        if (c.Clauses.Over is { } over)
        {
            if (!File.Populations.TryGetValue(over.Text, out var population))
                throw new StyrkortException(env.At(over), new Presentation.Message("formula.unknown_population", over.Text, string.Join(", ", File.Populations.Keys)));
            if (s is ScalarScope) throw new StyrkortException(env.At(c), $"population '{population.Name}' is per unit; it cannot be used {Where(s)}");
            return PopulationAggregate(c, fn, population, env);
        }
        var dataset = Source(c, env);
        var perUnit = dataset.UnitColumn is not null;
        if (perUnit && s is ScalarScope)
            throw new StyrkortException(env.At(c), $"'{dataset.Name}' has rows per unit; it cannot be aggregated {Where(s)}");
        return DatasetAggregate(c, fn, dataset, perUnit, env);
    }

    /// <summary>The dataset an aggregation reads: 'from', else the first dataset its expressions name.</summary>
    private Dataset Source(Call c, Env env)
    {
        if (c.Clauses.From is { } from)
            return File.Datasets.TryGetValue(from.Text, out var d) ? d
                : throw new StyrkortException(env.At(from), new Presentation.Message("formula.unknown_dataset", from.Text, string.Join(", ", File.Datasets.Keys)));
        var candidates = c.Args.Concat(c.Clauses.Where is { } w ? [w] : []).Concat(c.Clauses.Per ?? []).Concat(c.Clauses.By ?? []);
        foreach (var expr in candidates)
            if (FirstDataset(expr, env) is { } found) return found;
        // A dataset the reader left out for an error of its own leaves its columns nameless here: name it, so that this
        // use is known for a consequence of that error (BoundGoalFile drops it) and not reported as a second one.
        if (LeftOut(env.Formula.Text) is { } name) throw new StyrkortException(env.At(c), $"unknown dataset '{name}'");
        throw new StyrkortException(env.At(c), $"cannot tell which dataset {c.Name}(…) reads; name a column (dataset.column) or add 'from dataset'");
    }

    private string? LeftOut(string formula) =>
        File.Skipped.Contains(GoalFileReader.Everything)
            ? GoalFileReader.Everything
            : File.Skipped.FirstOrDefault(n => System.Text.RegularExpressions.Regex.IsMatch(formula, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(n)}\b",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant));

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
            case Call call when !Builtins.IsAggregate(call.Name):
                if (File.Functions.TryGetValue(call.Name, out var f) && call.Args.Count == f.Parameters.Count)
                {
                    var bindings = f.Parameters.Zip(call.Args).ToDictionary(p => p.First, p => (p.Second, env), StringComparer.OrdinalIgnoreCase);
                    return FirstDataset(Parse(f.Body), new Env(f.Body, bindings, env.Depth + 1));
                }
                return call.Args.Select(a => FirstDataset(a, env)).FirstOrDefault(d => d is not null);
            case Call call: return call.Args.Select(a => FirstDataset(a, env)).FirstOrDefault(d => d is not null);
            default: return null;
        }
    }

    private BoundExpr DatasetAggregate(Call c, Builtin fn, Dataset dataset, bool perUnit, Env env)
    {
        if (c.Clauses.Over is not null) throw new StyrkortException(env.At(c), "'over' and 'from' cannot be combined");
        var window = c.Clauses.During is { } during ? BindWindow(during, env, dataset) : null;
        BoundColumn? time = null;
        if (window is not null)
        {
            time = TimeColumn(c, dataset, env);
            if (time.Column.Type is not (ColumnType.Date or ColumnType.Month or ColumnType.Year))
                throw new StyrkortException(env.At(c), $"'{c.Clauses.On?.Parts[^1] ?? dataset.TimeColumn}' is not a date, month or year; a window needs one");
            if (window is AnchoredWindow && time.Column.Type == ColumnType.Year)
                throw new StyrkortException(env.At(c.Clauses.During!),
                    $"'{time.Column.Name}' is a year column; a window relative to each row's own date needs a date or month column (name one with 'on')");
            if (window is LatestBoundWindow && time.Site != ColumnSite.Row)
                throw new StyrkortException(env.At(c.Clauses.On!), $"latest takes the time of the rows of '{dataset.Name}' itself; 'on' through a reference needs a window with a start and an end");
        }
        else if (c.Clauses.On is not null) throw new StyrkortException(env.At(c.Clauses.On), "'on' names the time column of a window; add 'during …'");
        if (window is LatestBoundWindow lw)
            foreach (var column in lw.Columns)
                if (dataset.Find(column) is null) throw new StyrkortException(env.At(c.Clauses.During!), $"latest(…): dataset '{dataset.Name}' has no column '{column}'");

        var rows = new RowScope(dataset);
        if (c.Clauses.Per is { } per)
        {
            var columns = per.Select(p =>
            {
                var (e, penv) = Unbind(p, env);
                return e is NameRef n && dataset.Find(n.Parts[^1]) is { } col && (n.Parts.Count == 1 || Same(n.Parts[0], dataset.Name))
                    ? col
                    : throw new StyrkortException(penv.At(e), $"'per' takes columns of '{dataset.Name}'");
            }).ToList();
            var group = new GroupScope(rows, columns);
            var outer = Apply(c, fn, group, env, null, new DatasetInput(dataset, perUnit, window, time, columns));
            return outer with { Filter = c.Clauses.Where is { } pw ? Condition(pw, rows, env) : null };
        }
        var aggregate = Apply(c, fn, rows, env, dataset.Name, new DatasetInput(dataset, perUnit, window, time, null));
        return aggregate with { Filter = c.Clauses.Where is { } w ? Condition(w, rows, env) : null };
    }

    /// <summary>
    /// The column a window applies to: 'on column' (or 'on dataset.column') of the aggregated rows, 'on other.column'
    /// of a dataset they reference (one step, as 'where' reads it), else the dataset's time column.
    /// </summary>
    private BoundColumn TimeColumn(Call c, Dataset dataset, Env env)
    {
        if (c.Clauses.On is { Parts.Count: 2 } on && !Same(on.Parts[0], dataset.Name) && File.Datasets.TryGetValue(on.Parts[0], out var target))
            return ReferencedColumn(new RowScope(dataset), target, on.Parts[1], on, env);
        var timeName = c.Clauses.On?.Parts[^1] ?? dataset.TimeColumn
            ?? throw new StyrkortException(env.At(c), $"dataset '{dataset.Name}' has no time column; say which column the window applies to with 'on column'");
        var time = dataset.Find(timeName) ?? throw new StyrkortException(env.At(c.Clauses.On!), $"dataset '{dataset.Name}' has no column '{timeName}'");
        return Column(ColumnSite.Row, dataset, time);
    }

    private BoundExpr Condition(Expr e, BindScope s, Env env)
    {
        var t = Bind(e, s, env);
        Require(t, ValueType.Boolean, e, env, "after 'where'");
        return t;
    }

    private BoundExpr InnerAggregate(Call c, Builtin fn, GroupScope g, Env env)
    {
        if (c.Clauses.During is not null || c.Clauses.Over is not null || c.Clauses.Per is not null || c.Clauses.From is not null)
            throw new StyrkortException(env.At(c), "an inner aggregate takes only 'where' and 'by'; the window and source are the outer aggregation's");
        var aggregate = Apply(c, fn, g.Rows, env, g.Rows.Dataset.Name, GroupRowsInput.Instance);
        return aggregate with { Filter = c.Clauses.Where is { } w ? Condition(w, g.Rows, env) : null };
    }

    /// <summary>An aggregation over the entities of a population, per unit.</summary>
    private BoundExpr PopulationAggregate(Call c, Builtin fn, Population population, Env env)
    {
        if (c.Clauses.Per is not null || c.Clauses.On is not null || c.Clauses.From is not null)
            throw new StyrkortException(env.At(c), "an aggregation over a population takes 'where', 'during' and 'by'");
        var entity = File.Datasets[population.Entity];
        BoundWindow? window = null;
        if (population.Members.Count > 0)
        {
            var during = c.Clauses.During ?? throw new StyrkortException(env.At(c),
                $"population '{population.Name}' is made of entities met within a window; add 'during …' ({WindowHelp})");
            window = BindWindow(during, env);
            if (window is LatestBoundWindow)
                throw new StyrkortException(env.At(during), "a population needs a window with a start and an end, not latest");
        }
        else if (c.Clauses.During is { } d)
            throw new StyrkortException(env.At(d), $"population '{population.Name}' is defined by region; it takes no window");

        var scope = new EntityScope(population, entity);
        var aggregate = Apply(c, fn, scope, env, population.Name, new PopulationInput(population, entity, window));
        var filter = c.Clauses.Where is { } w ? Condition(w, scope, env) : null;
        PopulationCondition(population);
        return aggregate with { Filter = filter };
    }

    private BoundExpr MemberAggregate(Call c, Builtin fn, EntityScope e, Env env)
    {
        if (e.Population.Members.Count == 0)
            throw new StyrkortException(env.At(c), $"population '{e.Population.Name}' is defined by region and has no member rows to aggregate");
        if (c.Clauses.During is not null || c.Clauses.Over is not null || c.Clauses.Per is not null || c.Clauses.From is not null)
            throw new StyrkortException(env.At(c), "an aggregate over an entity's member rows takes only 'where' and 'by'");
        var members = new MemberScope(e);
        var aggregate = Apply(c, fn, members, env, e.Population.Name, MemberRowsInput.Instance);
        return aggregate with { Filter = c.Clauses.Where is { } w ? Condition(w, members, env) : null };
    }

    /// <summary>Binds an aggregate function's argument (and order) in the given scope and checks it against the function.</summary>
    private BoundAggregate Apply(Call c, Builtin fn, BindScope argScope, Env env, string? rowSourceName, AggregateInput input)
    {
        if (fn.Name == "count" && (c.Args.Count == 0 || (Unbind(c.Args[0], env).Expr is NameRef { Parts.Count: 1 } n
                && (Same(n.Parts[0], rowSourceName ?? "") || File.Datasets.ContainsKey(n.Parts[0]) || File.Populations.ContainsKey(n.Parts[0])))))
            return new BoundAggregate(fn, null, null, [], input, ValueType.Integer);
        if (c.Args.Count != 1) throw new StyrkortException(env.At(c), fn.Usage);
        var arg = Bind(c.Args[0], argScope, env);
        if (!fn.Ordered && c.Clauses.By is not null)
            throw new StyrkortException(env.At(c), "'by' orders the rows for first(…) and last(…) only");
        var type = fn.Type(new Arguments([arg], c, env));
        IReadOnlyList<BoundOrderKey> order = [];
        if (fn.Ordered)
        {
            var by = c.Clauses.By ?? throw new StyrkortException(env.At(c), $"{fn.Name}(…) needs 'by', the order of the rows, e.g. {fn.Name}(x by time)");
            order = by.Select(b => new BoundOrderKey(Bind(b, argScope, env), fn.Name == "last")).ToList();
        }
        return new BoundAggregate(fn, arg, null, order, input, type) { Codes = fn.Name is "min" or "max" or "first" or "last" ? arg.Codes : null };
    }
}
