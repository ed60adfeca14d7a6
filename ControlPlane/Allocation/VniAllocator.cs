namespace MizarNF.ControlPlane.Allocation;

/// <summary>
/// Chooses VNIs: 24 bits, never 0, unique among those in use. The allocator keeps no state of
/// its own: the caller passes the VNIs the store holds, so allocation survives restarts. It takes
/// the next VNI after the highest in use, wrapping round to the lowest free one, so that a
/// deleted VPC's VNI is not handed out again at once (nodes may still hold state learnt for it).
/// </summary>
public sealed class VniAllocator
{
    /// <summary>The lowest valid VNI.</summary>
    public const uint MinVni = 1;

    /// <summary>The highest valid VNI (24 bits).</summary>
    public const uint MaxVni = (1u << 24) - 1;

    /// <summary>An allocator over <paramref name="first"/>..<paramref name="last"/> (a narrower range is for tests).</summary>
    public VniAllocator(uint first = MinVni, uint last = MaxVni)
    {
        if (first < MinVni || last > MaxVni || first > last)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"VNI range {first}..{last} is not inside {MinVni}..{MaxVni}");
        }

        First = first;
        Last = last;
    }

    /// <summary>The lowest VNI handed out.</summary>
    public uint First { get; }

    /// <summary>The highest VNI handed out.</summary>
    public uint Last { get; }

    /// <summary>
    /// A VNI not in <paramref name="used"/>; throws <see cref="ControlPlaneValidationException"/>
    /// when the range is exhausted.
    /// </summary>
    public uint Allocate(IEnumerable<uint> used)
    {
        var taken = used.Where(v => v >= First && v <= Last).ToHashSet();
        var size = Last - First + 1UL;
        if ((ulong)taken.Count >= size)
        {
            throw new ControlPlaneValidationException($"no VNI left: all {size} VNIs of {First}..{Last} are in use");
        }

        var start = taken.Count == 0 || taken.Max() == Last ? First : taken.Max() + 1;
        for (ulong i = 0; i < size; i++)
        {
            var candidate = (uint)(First + ((start - First + i) % size));
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable: a free VNI was counted but not found");
    }
}
