using System.Text;

namespace MizarNF.Functions.ScaledEndpoint.Maglev;

/// <summary>
/// Maglev consistent hashing (Eisenbud et al., NSDI 2016): each backend fills a prime-sized table
/// along its own permutation (offset and skip from two hashes of its name), in turns, so every
/// backend gets M/N slots within one, and removing one of N backends moves about 1/N of the slots.
/// </summary>
public static class MaglevTable
{
    /// <summary>Table sizes: primes, each about twice the one before.</summary>
    public static IReadOnlyList<int> Primes { get; } = [251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521];

    /// <summary>Slots per backend at least (the table is well above 100× the backends).</summary>
    public const int SlotsPerBackend = 100;

    /// <summary>The largest backend set a table can hold.</summary>
    public static int MaxBackends => Primes[^1] / SlotsPerBackend;

    /// <summary>The smallest prime size of at least 100 slots per backend.</summary>
    /// <exception cref="ArgumentOutOfRangeException">more than <see cref="MaxBackends"/> backends.</exception>
    public static int SizeFor(int backends)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(backends);
        foreach (var p in Primes)
        {
            if (p >= (long)backends * SlotsPerBackend)
            {
                return p;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(backends), backends, $"at most {MaxBackends} backends per service");
    }

    /// <summary>Builds the table: slot → index into <paramref name="names"/>.</summary>
    public static int[] Build(IReadOnlyList<string> names, int size)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0 || size < names.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "needs one backend at least and more slots than backends");
        }

        var n = names.Count;
        var offset = new long[n];
        var skip = new long[n];
        var next = new long[n];
        for (var i = 0; i < n; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(names[i]);
            offset[i] = (long)(Fnv1a(bytes, 0xcbf29ce484222325UL) % (ulong)size);
            skip[i] = (long)(Mix(Fnv1a(bytes, 0x84222325cbf29ce4UL)) % (ulong)(size - 1)) + 1;
        }

        var table = new int[size];
        Array.Fill(table, -1);
        var filled = 0;
        while (true)
        {
            for (var i = 0; i < n; i++)
            {
                var c = (offset[i] + next[i] * skip[i]) % size;
                while (table[c] >= 0)
                {
                    next[i]++;
                    c = (offset[i] + next[i] * skip[i]) % size;
                }

                table[c] = i;
                next[i]++;
                if (++filled == size)
                {
                    return table;
                }
            }
        }
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> data, ulong basis)
    {
        var h = basis;
        foreach (var b in data)
        {
            h = (h ^ b) * 0x100000001b3UL;
        }

        return h;
    }

    /// <summary>A 64-bit finaliser (splitmix64), so the two hashes are independent enough.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
