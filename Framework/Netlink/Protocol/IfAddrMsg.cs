using System.Runtime.InteropServices;

namespace MizarNF.Netlink.Protocol;

/// <summary>struct ifaddrmsg (linux/if_addr.h): the fixed header of RTM_*ADDR.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct IfAddrMsg
{
    public byte Family;
    public byte PrefixLength;
    public byte Flags;
    public byte Scope;
    public int Index;
}
