namespace DataPipeline.Bench.Spotify;

/// <summary>
/// SplitMix64: tiny, fast, and its output depends only on the seed, never on the runtime version.
/// Values that several files must agree on (ids, names, durations) come from a fresh instance per entity.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public static SeededRandom For(int seed, ulong salt, long index) =>
        new(Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ Mix(salt) ^ (ulong)index * 0xD1B54A32D192ED03UL));

    /// <summary>The SplitMix64 finalizer; a bijection on 64-bit values.</summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A value in [0, exclusiveMax).</summary>
    public int Next(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    /// <summary>A value in [inclusiveMin, inclusiveMax].</summary>
    public int Between(int inclusiveMin, int inclusiveMax) => inclusiveMin + Next(inclusiveMax - inclusiveMin + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An approximately normal value (sum of four uniforms), cheap and bounded to mean ± 3.5 sd.</summary>
    public double Normal(double mean, double deviation)
    {
        var sum = NextDouble() + NextDouble() + NextDouble() + NextDouble();
        return mean + (sum - 2.0) * 1.7320508075688772 * deviation;
    }

    /// <summary>An index into a list where low indexes are picked more often; skew 1 is uniform.</summary>
    public int Skewed(int count, double skew) => Math.Min(count - 1, (int)(Math.Pow(NextDouble(), skew) * count));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
