using System.Runtime.InteropServices;
using MizarNF.Netlink.Interop;

namespace MizarNF.Netlink.Namespaces;

/// <summary>An open network namespace file, whose descriptor goes into IFLA_NET_NS_FD.</summary>
internal static class NetnsFile
{
    internal static FileDescriptor Open(string netns)
    {
        var path = NetnsPath.Resolve(netns);
        var fd = Libc.open(path, Libc.O_RDONLY | Libc.O_CLOEXEC);
        return fd >= 0
            ? new FileDescriptor(fd)
            : throw new NetlinkException("open network namespace", Marshal.GetLastPInvokeError(), path, netns);
    }
}
