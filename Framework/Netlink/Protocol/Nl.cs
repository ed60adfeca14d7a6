namespace MizarNF.Netlink.Protocol;

/// <summary>Message types and flags of netlink itself (linux/netlink.h).</summary>
internal static class Nl
{
    internal const ushort NLMSG_ERROR = 2;
    internal const ushort NLMSG_DONE = 3;

    internal const ushort NLM_F_REQUEST = 0x1;
    internal const ushort NLM_F_MULTI = 0x2;
    internal const ushort NLM_F_ACK = 0x4;
    internal const ushort NLM_F_DUMP = 0x300;
    internal const ushort NLM_F_EXCL = 0x200;
    internal const ushort NLM_F_CREATE = 0x400;

    /// <summary>On an NLMSG_ERROR: the request was not echoed (NETLINK_CAP_ACK).</summary>
    internal const ushort NLM_F_CAPPED = 0x100;

    /// <summary>On an NLMSG_ERROR: extended-ack attributes follow.</summary>
    internal const ushort NLM_F_ACK_TLVS = 0x200;

    internal const ushort NLMSGERR_ATTR_MSG = 1;

    internal const ushort NLA_TYPE_MASK = 0x3fff;

    internal static int Align(int length) => (length + 3) & ~3;
}
