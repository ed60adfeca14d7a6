namespace MizarNF.Netlink.Protocol;

/// <summary>rtnetlink message types and the constants of their headers (linux/rtnetlink.h, if_link.h, veth.h, if_addr.h).</summary>
internal static class Rtm
{
    internal const ushort NEWLINK = 16;
    internal const ushort DELLINK = 17;
    internal const ushort GETLINK = 18;
    internal const ushort SETLINK = 19;
    internal const ushort NEWADDR = 20;
    internal const ushort DELADDR = 21;
    internal const ushort GETADDR = 22;
    internal const ushort NEWROUTE = 24;
    internal const ushort DELROUTE = 25;
    internal const ushort GETROUTE = 26;

    internal const byte AF_INET = 2;
    internal const uint IFF_UP = 0x1;

    internal const ushort IFLA_ADDRESS = 1;
    internal const ushort IFLA_IFNAME = 3;
    internal const ushort IFLA_MTU = 4;
    internal const ushort IFLA_LINK = 5;
    internal const ushort IFLA_OPERSTATE = 16;
    internal const ushort IFLA_LINKINFO = 18;
    internal const ushort IFLA_NET_NS_FD = 28;
    internal const ushort IFLA_EXT_MASK = 29;
    internal const ushort IFLA_INFO_KIND = 1;
    internal const ushort IFLA_INFO_DATA = 2;
    internal const ushort VETH_INFO_PEER = 1;

    /// <summary>IFLA_EXT_MASK bit: leave the statistics out of link replies (most of their size).</summary>
    internal const uint RTEXT_FILTER_SKIP_STATS = 1 << 3;

    internal const ushort IFA_ADDRESS = 1;
    internal const ushort IFA_LOCAL = 2;
    internal const ushort IFA_LABEL = 3;

    internal const ushort RTA_DST = 1;
    internal const ushort RTA_OIF = 4;
    internal const ushort RTA_GATEWAY = 5;
    internal const ushort RTA_PREFSRC = 7;
    internal const ushort RTA_TABLE = 15;

    internal const byte RT_TABLE_MAIN = 254;
    internal const byte RTPROT_BOOT = 3;
    internal const byte RT_SCOPE_UNIVERSE = 0;
    internal const byte RT_SCOPE_LINK = 253;
    internal const byte RT_SCOPE_NOWHERE = 255;
    internal const byte RTN_UNICAST = 1;
}
