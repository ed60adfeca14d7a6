using System.Runtime.InteropServices;

namespace MizarNF.Netlink.Protocol;

/// <summary>struct nlmsghdr (linux/netlink.h): every netlink message starts with it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NlMsgHdr
{
    public uint Length;
    public ushort Type;
    public ushort Flags;
    public uint Seq;
    public uint Pid;
}
