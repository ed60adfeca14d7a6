namespace MizarNF.Netlink.Ethtool;

/// <summary>The ethtool commands used (linux/ethtool.h), through the SIOCETHTOOL ioctl.</summary>
internal static class EthtoolCommand
{
    /// <summary>struct ethtool_gstrings: a string set's names, ETH_GSTRING_LEN bytes each.</summary>
    internal const uint GSTRINGS = 0x1b;

    /// <summary>struct ethtool_sset_info: the sizes of string sets.</summary>
    internal const uint GSSET_INFO = 0x37;

    /// <summary>struct ethtool_gfeatures: available, requested, active and never-changed bits, in blocks of 32.</summary>
    internal const uint GFEATURES = 0x3a;

    /// <summary>struct ethtool_sfeatures: valid and requested bits, in blocks of 32.</summary>
    internal const uint SFEATURES = 0x3b;

    /// <summary>The string set that names the netdev feature bits, in bit order.</summary>
    internal const int ETH_SS_FEATURES = 4;

    internal const int ETH_GSTRING_LEN = 32;
}
