namespace MizarNF.Netlink;

/// <summary>The transmit offloads an XDP path needs off (ethtool -K NAME tx off tso off gso off).</summary>
[Flags]
public enum Offloads
{
    None = 0,

    /// <summary>tx-checksumming: every NETIF_F_CSUM_MASK feature (ETHTOOL_STXCSUM).</summary>
    TxChecksum = 1,

    /// <summary>tcp-segmentation-offload: every TSO feature (ETHTOOL_STSO).</summary>
    Tso = 2,

    /// <summary>generic-segmentation-offload (ETHTOOL_SGSO).</summary>
    Gso = 4,

    All = TxChecksum | Tso | Gso,
}
