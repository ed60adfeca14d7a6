using System.Runtime.InteropServices;

namespace MizarNF.Netlink.Protocol;

/// <summary>struct rtmsg (linux/rtnetlink.h): the fixed header of RTM_*ROUTE.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RtMsg
{
    public byte Family;
    public byte DstLength;
    public byte SrcLength;
    public byte Tos;
    public byte Table;
    public byte Protocol;
    public byte Scope;
    public byte Type;
    public uint Flags;
}
