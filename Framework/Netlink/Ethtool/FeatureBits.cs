namespace MizarNF.Netlink.Ethtool;

/// <summary>
/// Which netdev feature bits each of <see cref="Offloads"/> stands for, found by name as the
/// ethtool tool does ("tx" = tx-checksum-*, "tso" = tx-tcp*-segmentation, "gso" =
/// tx-generic-segmentation). By name, not by the legacy ETHTOOL_STSO: its fixed mask misses bits
/// added since (kernel 6.18 has tx-tcp-accecn-segmentation, which STSO leaves on).
/// </summary>
internal sealed class FeatureBits
{
    private readonly uint[][] _masks;

    internal FeatureBits(IReadOnlyList<string> names)
    {
        Blocks = (names.Count + 31) / 32;
        _masks = [Mask(names, IsTxChecksum), Mask(names, IsTso), Mask(names, n => n == "tx-generic-segmentation")];
    }

    /// <summary>How many 32-bit blocks the kernel's feature set takes.</summary>
    internal int Blocks { get; }

    /// <summary>The bits of <paramref name="offloads"/>, one uint per block.</summary>
    internal uint[] Of(Offloads offloads)
    {
        var mask = new uint[Blocks];
        for (var i = 0; i < _masks.Length; i++)
        {
            if (offloads.HasFlag((Offloads)(1 << i)))
            {
                for (var b = 0; b < Blocks; b++)
                {
                    mask[b] |= _masks[i][b];
                }
            }
        }

        return mask;
    }

    /// <summary>The offloads with at least one bit in <paramref name="active"/> (ethtool -k shows such a group "on").</summary>
    internal Offloads ActiveIn(ReadOnlySpan<uint> active)
    {
        var on = Offloads.None;
        for (var i = 0; i < _masks.Length; i++)
        {
            for (var b = 0; b < Blocks; b++)
            {
                if ((_masks[i][b] & active[b]) != 0)
                {
                    on |= (Offloads)(1 << i);
                }
            }
        }

        return on;
    }

    private static bool IsTxChecksum(string name) => name.StartsWith("tx-checksum-", StringComparison.Ordinal);

    private static bool IsTso(string name) => name.StartsWith("tx-tcp", StringComparison.Ordinal) && name.EndsWith("-segmentation", StringComparison.Ordinal);

    private uint[] Mask(IReadOnlyList<string> names, Func<string, bool> match)
    {
        var mask = new uint[Blocks];
        for (var bit = 0; bit < names.Count; bit++)
        {
            if (match(names[bit]))
            {
                mask[bit / 32] |= 1u << (bit % 32);
            }
        }

        return mask.Any(m => m != 0) ? mask : throw new InvalidOperationException($"the kernel names no feature of this offload group among its {names.Count}");
    }
}
