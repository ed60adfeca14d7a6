using System.Runtime.InteropServices;

namespace MizarNF.Netlink.Protocol;

/// <summary>struct ifinfomsg (linux/rtnetlink.h): the fixed header of RTM_*LINK, and of VETH_INFO_PEER.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct IfInfoMsg
{
    public byte Family;
    public byte Pad;
    public ushort Type;
    public int Index;
    public uint Flags;
    public uint Change;
}
