using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MizarNF.Netlink.Interop;
using MizarNF.Netlink.Protocol;

namespace MizarNF.Netlink;

/// <summary>IPv4 routes of the main table.</summary>
public sealed partial class RtnetlinkClient
{
    private static readonly IPNetwork Default = new(IPAddress.Any, 0);

    /// <summary>Adds the default route via <paramref name="gateway"/> out of <paramref name="link"/>.</summary>
    public void AddDefaultRoute(IPAddress gateway, string link) => AddRoute(Default, gateway, link);

    /// <summary>
    /// Adds a route to <paramref name="destination"/> out of <paramref name="link"/>, via
    /// <paramref name="gateway"/> or, when null, on-link; EEXIST when the table has one.
    /// </summary>
    public void AddRoute(IPNetwork destination, IPAddress? gateway, string link) => AddRoute(destination, gateway, GetIndex(link), link);

    /// <summary>Adds the route out of the link with index <paramref name="index"/>.</summary>
    public void AddRoute(IPNetwork destination, IPAddress? gateway, int index) => AddRoute(destination, gateway, index, $"ifindex {index}");

    /// <summary>Removes the route; false when the table has none such.</summary>
    public bool DeleteRoute(IPNetwork destination, IPAddress? gateway, string link)
    {
        var index = GetIndex(link);
        CheckRoute(destination, gateway);
        lock (_lock)
        {
            var w = Begin(Rtm.DELROUTE, Nl.NLM_F_ACK);
            // Scope "nowhere" matches a route of any scope, as `ip route del` does.
            w.Header(new RtMsg { Family = Rtm.AF_INET, DstLength = (byte)destination.PrefixLength, Table = Rtm.RT_TABLE_MAIN, Scope = Rtm.RT_SCOPE_NOWHERE });
            WriteRoute(ref w, destination, gateway, index);
            try
            {
                Execute(w.Finish(), "delete route (RTM_DELROUTE)", Describe(destination, gateway, link));
                return true;
            }
            catch (NetlinkException e) when (e.Errno == Errno.ESRCH)
            {
                return false;
            }
        }
    }

    /// <summary>The IPv4 routes of the main table, or those leaving by one link.</summary>
    public IReadOnlyList<RouteInfo> ListRoutes(string? link = null)
    {
        var index = link is null ? 0 : GetIndex(link);
        var routes = new List<RouteInfo>();
        lock (_lock)
        {
            var w = Begin(Rtm.GETROUTE, Nl.NLM_F_DUMP);
            w.Header(new RtMsg { Family = Rtm.AF_INET });
            _socket.Transact(w.Finish(), CollectRoute, routes, new Failure("list routes (RTM_GETROUTE dump)", link, Netns));
        }

        return index == 0 ? routes : routes.FindAll(r => r.Index == index);
    }

    private static void CollectRoute(ushort type, ReadOnlySpan<byte> payload, List<RouteInfo> routes)
    {
        if (type != Rtm.NEWROUTE || payload.Length < Unsafe.SizeOf<RtMsg>())
        {
            return;
        }

        var header = MemoryMarshal.Read<RtMsg>(payload);
        uint table = header.Table;
        IPAddress destination = IPAddress.Any;
        IPAddress? gateway = null, source = null;
        var oif = 0;
        var a = new AttributeReader(payload[Unsafe.SizeOf<RtMsg>()..]);
        while (a.Next())
        {
            switch (a.Type)
            {
                case Rtm.RTA_TABLE: table = a.U32; break;
                case Rtm.RTA_DST: destination = a.Address; break;
                case Rtm.RTA_GATEWAY: gateway = a.Address; break;
                case Rtm.RTA_PREFSRC: source = a.Address; break;
                case Rtm.RTA_OIF: oif = (int)a.U32; break;
            }
        }

        if (header.Family == Rtm.AF_INET && table == Rtm.RT_TABLE_MAIN)
        {
            routes.Add(new RouteInfo(new IPNetwork(destination, header.DstLength), gateway, oif, header.Scope, header.Protocol, source));
        }
    }

    private static void CheckRoute(IPNetwork destination, IPAddress? gateway)
    {
        if (destination.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{destination} is not an IPv4 network", nameof(destination));
        }

        if (gateway is not null && gateway.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{gateway} is not an IPv4 address", nameof(gateway));
        }
    }

    private static void WriteRoute(ref MessageWriter w, IPNetwork destination, IPAddress? gateway, int index)
    {
        if (destination.PrefixLength > 0)
        {
            w.IPv4(Rtm.RTA_DST, destination.BaseAddress);
        }

        if (gateway is not null)
        {
            w.IPv4(Rtm.RTA_GATEWAY, gateway);
        }

        w.U32(Rtm.RTA_OIF, (uint)index);
    }

    private static string Describe(IPNetwork destination, IPAddress? gateway, string link) =>
        gateway is null ? $"{destination} dev {link}" : $"{destination} via {gateway} dev {link}";

    private void AddRoute(IPNetwork destination, IPAddress? gateway, int index, string link)
    {
        CheckRoute(destination, gateway);
        lock (_lock)
        {
            var w = Begin(Rtm.NEWROUTE, Nl.NLM_F_ACK | Nl.NLM_F_CREATE | Nl.NLM_F_EXCL);
            w.Header(new RtMsg
            {
                Family = Rtm.AF_INET,
                DstLength = (byte)destination.PrefixLength,
                Table = Rtm.RT_TABLE_MAIN,
                Protocol = Rtm.RTPROT_BOOT,
                Scope = gateway is null ? Rtm.RT_SCOPE_LINK : Rtm.RT_SCOPE_UNIVERSE,
                Type = Rtm.RTN_UNICAST,
            });
            WriteRoute(ref w, destination, gateway, index);
            Execute(w.Finish(), "add route (RTM_NEWROUTE)", Describe(destination, gateway, link));
        }
    }
}
