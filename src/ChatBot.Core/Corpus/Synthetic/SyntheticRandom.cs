namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>
/// A small deterministic generator (SplitMix64). Unlike <see cref="Random"/>, its sequence is fixed by this file
/// alone, so a seed gives the same corpus on every runtime. Each article gets its own stream from (seed, index),
/// which makes articles independent of one another: any size is a prefix of a larger one, and generation can run
/// in parallel without changing a byte.
/// </summary>
internal struct SyntheticRandom
{
    private ulong _state;

    public SyntheticRandom(long seed, long stream, long index)
    {
        _state = Mix(Mix(Mix((ulong)seed) ^ (ulong)stream) ^ (ulong)index);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A value in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks with a Zipf-like skew (rank^-1): the first items of a list are the common ones.</summary>
    public T PickSkewed<T>(IReadOnlyList<T> items)
    {
        // Inverse CDF of a continuous 1/x law over [1, n+1).
        var rank = (int)Math.Exp(NextDouble() * Math.Log(items.Count + 1)) - 1;
        return items[Math.Clamp(rank, 0, items.Count - 1)];
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
