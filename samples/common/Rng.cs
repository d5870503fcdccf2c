using System.Numerics;

namespace Styrkort.Samples;

/// <summary>
/// xoshiro256** seeded through SplitMix64, shared by the sample generators. Each generator names its independent
/// streams (a constant per concern, so that adding draws to one concern leaves the others unchanged). Unlike <see cref="Random"/> a generator can be created for
/// (seed, stream, index), so one company's attributes are recomputed from its index instead of stored.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(int seed, ulong stream, long index = 0)
    {
        ulong x = Key(seed, stream, index, 0);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A uniform number in [0, 1) fixed by its arguments, for attributes looked up out of order.</summary>
    public static double Hash01(int seed, ulong stream, long a, long b)
    {
        ulong x = Key(seed, stream, a, b);
        return (SplitMix(ref x) >> 11) * (1.0 / (1UL << 53));
    }

    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)Math.BigMul(NextUInt64(), (ulong)n, out _);
    }

    /// <summary>Uniform in [lo, hi], both inclusive.</summary>
    public int Between(int lo, int hi) => lo + NextInt(hi - lo + 1);

    public double Uniform(double lo, double hi) => lo + (hi - lo) * NextDouble();

    public bool Chance(double p) => NextDouble() < p;

    public double Normal(double mean = 0, double sd = 1)
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>A Poisson-like count: exact for small means, normal approximation for large ones.</summary>
    public int Count(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 40)
            return Math.Max(0, (int)Math.Round(Normal(mean, Math.Sqrt(mean))));
        double limit = Math.Exp(-mean), product = NextDouble();
        int k = 0;
        while (product > limit)
        {
            k++;
            product *= NextDouble();
        }
        return k;
    }

    /// <summary>An index drawn with the given (not necessarily normalised) weights.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (double w in weights)
            total += w;
        double r = NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0)
                return i;
        }
        return weights.Length - 1;
    }

    private static ulong Key(int seed, ulong stream, long a, long b)
    {
        ulong x = (ulong)(uint)seed;
        ulong k = Mix(x + 0x9E3779B97F4A7C15UL);
        k = Mix(k ^ ((ulong)stream * 0xBF58476D1CE4E5B9UL));
        k = Mix(k ^ Mix((ulong)a + 0x632BE59BD9B4E019UL));
        return Mix(k ^ Mix((ulong)b + 0x8CB92BA72F3D8DD7UL));
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
