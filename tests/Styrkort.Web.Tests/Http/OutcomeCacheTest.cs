using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Tests.Http;

/// <summary>The outcome cache asks for the periods a page needs together: those it lacks in one plan, each once.</summary>
public sealed class OutcomeCacheTest
{
    private static Evaluation Empty(Period p) => new(p, [], []);

    [Fact]
    public void GetMany_EvaluatesTheMissingPeriodsTogether_AndKeepsThem()
    {
        var batches = new List<IReadOnlyList<Period>>();
        var single = 0;
        var cache = new OutcomeCache(p => { single++; return Empty(p); }, () => [])
        {
            EvaluateMany = ps => { lock (batches) batches.Add(ps); return ps.Select(Empty).ToList(); },
        };
        var first = Period.Parse("2025-Q4");
        cache.Get(first);
        var quarters = Enumerable.Range(0, 8).Select(i => new Period(PeriodKind.Quarter, 2024 + i / 4, i % 4 + 1)).ToList();

        var result = cache.GetMany(quarters);

        Assert.Equal(quarters, result.Select(e => e.Period));
        Assert.Single(batches);
        Assert.Equal(quarters.Where(q => q != first), batches[0]); // the one kept already is not asked again
        Assert.Equal(1, single);
        Assert.Equal(8, cache.Evaluations);
        cache.GetMany(quarters);
        Assert.Single(batches);
    }

    [Fact]
    public async Task GetMany_AskedByManyAtOnce_EvaluatesOnce()
    {
        var calls = 0;
        var gate = new ManualResetEventSlim();
        var cache = new OutcomeCache(Empty, () => [])
        {
            EvaluateMany = ps => { Interlocked.Increment(ref calls); gate.Wait(); return ps.Select(Empty).ToList(); },
        };
        var quarters = Enumerable.Range(1, 4).Select(q => new Period(PeriodKind.Quarter, 2026, q)).ToList();
        var readers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => cache.GetMany(quarters))).ToList();
        await Task.Delay(200);
        gate.Set();
        await Task.WhenAll(readers);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void GetMany_AFailedEvaluation_IsNotKept()
    {
        var fail = true;
        var cache = new OutcomeCache(Empty, () => [])
        {
            EvaluateMany = ps => fail ? throw new InvalidOperationException("down") : ps.Select(Empty).ToList(),
        };
        var quarters = new[] { Period.Parse("2026-Q1"), Period.Parse("2026-Q2") };
        Assert.Throws<InvalidOperationException>(() => cache.GetMany(quarters));
        Assert.Equal(0, cache.Count);
        fail = false;
        Assert.Equal(2, cache.GetMany(quarters).Count);
    }
}
