using System.Net.NetworkInformation;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using MizarNF.Netlink.Interop;
using MizarNF.Netlink.Links;
using MizarNF.Netlink.Namespaces;
using MizarNF.Netlink.Protocol;

namespace MizarNF.Netlink;

/// <summary>Links: veth pairs, state, MTU, MAC, moving between namespaces, queries.</summary>
public sealed partial class RtnetlinkClient
{
    private const int MinMtu = 68;

    /// <summary>ETH_MAX_MTU, a veth's max_mtu. The kernel's veth_validate refuses more with a bare EINVAL, no text.</summary>
    private const int MaxVethMtu = 65535;

    /// <summary>
    /// Makes a veth pair in one request: <see cref="VethPairSpec.Name"/> here and its peer, under its
    /// final name, directly in <see cref="VethPairSpec.PeerNetns"/>. The kernel makes both or neither.
    /// </summary>
    public void CreateVethPair(VethPairSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        LinkName.Validate(spec.Name, nameof(spec.Name));
        LinkName.Validate(spec.PeerName, nameof(spec.PeerName));
        if (spec.Mtu is < MinMtu)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.Mtu, $"MTU of {spec.Name} below the IPv4 minimum of {MinMtu}");
        }

        if (spec.Mtu is > MaxVethMtu)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.Mtu, $"MTU of {spec.Name} above a veth's maximum of {MaxVethMtu}");
        }

        using var peerNetns = spec.PeerNetns is null ? null : NetnsFile.Open(spec.PeerNetns);
        lock (_lock)
        {
            var w = Begin(Rtm.NEWLINK, Nl.NLM_F_ACK | Nl.NLM_F_CREATE | Nl.NLM_F_EXCL);
            w.Header(new IfInfoMsg());
            WriteEnd(ref w, spec.Name, spec.Mtu, spec.Mac, null);
            var linkInfo = w.BeginNested(Rtm.IFLA_LINKINFO);
            w.String(Rtm.IFLA_INFO_KIND, "veth");
            var data = w.BeginNested(Rtm.IFLA_INFO_DATA);
            // VETH_INFO_PEER holds an ifinfomsg and then the peer's own IFLA_* attributes.
            var peer = w.BeginNested(Rtm.VETH_INFO_PEER);
            w.Header(new IfInfoMsg());
            WriteEnd(ref w, spec.PeerName, spec.Mtu, spec.PeerMac, peerNetns);
            w.EndNested(peer);
            w.EndNested(data);
            w.EndNested(linkInfo);
            Execute(w.Finish(), "create veth pair (RTM_NEWLINK)", $"{spec.Name}/{spec.PeerName}");
        }
    }

    /// <summary>Sets the link administratively up.</summary>
    public void SetUp(string name) => SetFlags(name, up: true);

    /// <summary>Sets the link administratively down.</summary>
    public void SetDown(string name) => SetFlags(name, up: false);

    /// <summary>Sets the link's MTU; the kernel refuses one outside the device's range (EINVAL, with its text).</summary>
    public void SetMtu(string name, int mtu)
    {
        LinkName.Validate(name, nameof(name));
        if (mtu < MinMtu)
        {
            throw new ArgumentOutOfRangeException(nameof(mtu), mtu, $"MTU of {name} below the IPv4 minimum of {MinMtu}");
        }

        lock (_lock)
        {
            var w = BeginSetLink(name);
            w.U32(Rtm.IFLA_MTU, (uint)mtu);
            Execute(w.Finish(), "set MTU (RTM_SETLINK)", name);
        }
    }

    /// <summary>Sets the link's MAC; the kernel refuses a multicast or zero one (EADDRNOTAVAIL).</summary>
    public void SetMac(string name, PhysicalAddress mac)
    {
        LinkName.Validate(name, nameof(name));
        ArgumentNullException.ThrowIfNull(mac);
        lock (_lock)
        {
            var w = BeginSetLink(name);
            w.Attribute(Rtm.IFLA_ADDRESS, mac.GetAddressBytes());
            Execute(w.Finish(), "set MAC (RTM_SETLINK)", name);
        }
    }

    /// <summary>
    /// Moves the link into <paramref name="netns"/> (a name or a path), renamed there to
    /// <paramref name="newName"/> when given (CNI_IFNAME) — one request, so the link never shows
    /// up there under its old name.
    /// </summary>
    public void MoveToNetns(string name, string netns, string? newName = null)
    {
        using var target = NetnsFile.Open(netns);
        MoveToNetns(name, target, newName, lookFirst: true);
    }

    /// <summary>Moves the link into the namespace open as <paramref name="netnsFile"/>, renamed when <paramref name="newName"/> is given.</summary>
    public void MoveToNetns(string name, SafeFileHandle netnsFile, string? newName = null) => MoveToNetns(name, netnsFile, newName, lookFirst: true);

    /// <summary>Deletes the link (a veth takes its peer along); false when there was none.</summary>
    public bool DeleteLink(string name)
    {
        LinkName.Validate(name, nameof(name));
        lock (_lock)
        {
            var w = Begin(Rtm.DELLINK, Nl.NLM_F_ACK);
            w.Header(new IfInfoMsg());
            w.String(Rtm.IFLA_IFNAME, name);
            try
            {
                Execute(w.Finish(), "delete link (RTM_DELLINK)", name);
                return true;
            }
            catch (NetlinkException e) when (e.Errno == Errno.ENODEV)
            {
                return false;
            }
        }
    }

    /// <summary>The link's ifindex; throws (ENODEV) when there is none.</summary>
    public int GetIndex(string name) => GetLink(name)?.Index
        ?? throw new NetlinkException("get link (RTM_GETLINK)", Errno.ENODEV, name, Netns);

    /// <summary>The link, or null when there is none.</summary>
    public LinkInfo? GetLink(string name)
    {
        LinkName.Validate(name, nameof(name));
        var found = new List<LinkInfo>(1);
        lock (_lock)
        {
            var w = Begin(Rtm.GETLINK, 0);
            w.Header(new IfInfoMsg());
            w.String(Rtm.IFLA_IFNAME, name);
            w.U32(Rtm.IFLA_EXT_MASK, Rtm.RTEXT_FILTER_SKIP_STATS);
            try
            {
                _socket.Transact(w.Finish(), CollectLink, found, new Failure("get link (RTM_GETLINK)", name, Netns));
            }
            catch (NetlinkException e) when (e.Errno == Errno.ENODEV)
            {
                return null;
            }
        }

        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>Every link of the namespace.</summary>
    public IReadOnlyList<LinkInfo> ListLinks()
    {
        var links = new List<LinkInfo>();
        lock (_lock)
        {
            var w = Begin(Rtm.GETLINK, Nl.NLM_F_DUMP);
            w.Header(new IfInfoMsg());
            w.U32(Rtm.IFLA_EXT_MASK, Rtm.RTEXT_FILTER_SKIP_STATS);
            _socket.Transact(w.Finish(), CollectLink, links, new Failure("list links (RTM_GETLINK dump)", null, Netns));
        }

        return links;
    }

    private static void CollectLink(ushort type, ReadOnlySpan<byte> payload, List<LinkInfo> links)
    {
        if (type == Rtm.NEWLINK && payload.Length >= Unsafe.SizeOf<IfInfoMsg>())
        {
            links.Add(ParseLink(payload));
        }
    }

    private static LinkInfo ParseLink(ReadOnlySpan<byte> payload)
    {
        var header = MemoryMarshal.Read<IfInfoMsg>(payload);
        string name = string.Empty;
        PhysicalAddress? mac = null;
        int mtu = 0;
        int? peer = null;
        string? kind = null;
        var state = LinkOperState.Unknown;
        var a = new AttributeReader(payload[Unsafe.SizeOf<IfInfoMsg>()..]);
        while (a.Next())
        {
            switch (a.Type)
            {
                case Rtm.IFLA_IFNAME: name = a.String; break;
                case Rtm.IFLA_ADDRESS: mac = new PhysicalAddress(a.Value.ToArray()); break;
                case Rtm.IFLA_MTU: mtu = (int)a.U32; break;
                case Rtm.IFLA_LINK: peer = (int)a.U32; break;
                case Rtm.IFLA_OPERSTATE: state = (LinkOperState)a.Value[0]; break;
                case Rtm.IFLA_LINKINFO:
                    var info = new AttributeReader(a.Value);
                    while (info.Next())
                    {
                        if (info.Type == Rtm.IFLA_INFO_KIND)
                        {
                            kind = info.String;
                        }
                    }

                    break;
            }
        }

        return new LinkInfo(header.Index, name, mac, mtu, (header.Flags & Rtm.IFF_UP) != 0, state, kind, peer);
    }

    private static void WriteEnd(ref MessageWriter w, string name, int? mtu, PhysicalAddress? mac, FileDescriptor? netns)
    {
        w.String(Rtm.IFLA_IFNAME, name);
        if (mtu is { } m)
        {
            w.U32(Rtm.IFLA_MTU, (uint)m);
        }

        if (mac is not null)
        {
            w.Attribute(Rtm.IFLA_ADDRESS, mac.GetAddressBytes());
        }

        if (netns is not null)
        {
            w.U32(Rtm.IFLA_NET_NS_FD, (uint)netns.Fd);
        }
    }

    /// <summary>
    /// The move; <paramref name="lookFirst"/> false skips the look for the new name in the target,
    /// so that tests reach the recovery of a move whose rename failed (else only a race reaches it).
    /// </summary>
    internal void MoveToNetns(string name, SafeHandle netnsFile, string? newName, bool lookFirst)
    {
        LinkName.Validate(name, nameof(name));
        if (newName is not null)
        {
            LinkName.Validate(newName, nameof(newName));
        }

        const string Operation = "move link to network namespace (RTM_SETLINK)";
        var target = newName is null ? name : $"{name} as {newName}";
        var index = GetIndex(name);
        var added = false;
        netnsFile.DangerousAddRef(ref added);
        try
        {
            var fd = (int)netnsFile.DangerousGetHandle();
            if (newName is null || newName == name)
            {
                SendMove(index, fd, newName, target);
                return;
            }

            // The kernel moves first and renames after: with the new name taken there, it would
            // leave the link in the other namespace under its old name. So look first, and should
            // the name be taken meanwhile, move the link back.
            using var there = Open($"/proc/self/fd/{fd}");
            if (lookFirst && there.GetLink(newName) is not null)
            {
                throw new NetlinkException(Operation, Errno.EEXIST, target, Netns, $"the target namespace has a link named '{newName}' already; nothing was moved");
            }

            try
            {
                SendMove(index, fd, newName, target);
            }
            catch (NetlinkException)
            {
                if (GetLink(name) is null && there.GetLink(name) is { } arrived)
                {
                    using var home = OwnNamespace();
                    there.SendMove(arrived.Index, home.Fd, name, name);
                }

                throw;
            }
        }
        finally
        {
            netnsFile.DangerousRelease();
        }
    }

    /// <summary>One RTM_SETLINK moving the link with <paramref name="index"/> into the namespace open as <paramref name="netnsFd"/>, renamed when <paramref name="newName"/> is given.</summary>
    private void SendMove(int index, int netnsFd, string? newName, string target)
    {
        lock (_lock)
        {
            var w = Begin(Rtm.SETLINK, Nl.NLM_F_ACK);
            w.Header(new IfInfoMsg { Index = index });
            w.U32(Rtm.IFLA_NET_NS_FD, (uint)netnsFd);
            if (newName is not null)
            {
                w.String(Rtm.IFLA_IFNAME, newName);
            }

            Execute(w.Finish(), "move link to network namespace (RTM_SETLINK)", target);
        }
    }

    /// <summary>The namespace of this client's socket, as an open file (SIOCGSKNS): also for a client opened in the caller's own.</summary>
    private unsafe FileDescriptor OwnNamespace()
    {
        var descriptor = _socket.Descriptor;
        var added = false;
        descriptor.DangerousAddRef(ref added);
        try
        {
            var fd = Libc.ioctl(descriptor.Fd, Libc.SIOCGSKNS, null);
            return fd >= 0 ? new FileDescriptor(fd) : throw new NetlinkException("open own network namespace (SIOCGSKNS)", Marshal.GetLastPInvokeError(), netns: Netns);
        }
        finally
        {
            descriptor.DangerousRelease();
        }
    }

    private void SetFlags(string name, bool up)
    {
        LinkName.Validate(name, nameof(name));
        lock (_lock)
        {
            var w = Begin(Rtm.SETLINK, Nl.NLM_F_ACK);
            w.Header(new IfInfoMsg { Flags = up ? Rtm.IFF_UP : 0, Change = Rtm.IFF_UP });
            w.String(Rtm.IFLA_IFNAME, name);
            Execute(w.Finish(), up ? "set link up (RTM_SETLINK)" : "set link down (RTM_SETLINK)", name);
        }
    }

    /// <summary>An RTM_SETLINK of the link named <paramref name="name"/> (ifi_index 0: the kernel finds it by IFLA_IFNAME).</summary>
    private MessageWriter BeginSetLink(string name)
    {
        var w = Begin(Rtm.SETLINK, Nl.NLM_F_ACK);
        w.Header(new IfInfoMsg());
        w.String(Rtm.IFLA_IFNAME, name);
        return w;
    }
}
