using System.Globalization;
using MizarNF.Contracts.Net;
using MizarNF.Netlink;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>A CNI CHECK: the container's interface, address and default route against what the node made.</summary>
internal static class ContainerCheck
{
    /// <summary>One line per difference; empty when the container looks as the node left it.</summary>
    public static IReadOnlyList<string> Differences(EndpointRecord e, string netns, bool hostEndExists)
    {
        var diffs = new List<string>();
        if (netns.Length > 0 && netns != e.Netns)
        {
            diffs.Add($"netns is {netns}, but the endpoint was attached in {e.Netns}");
        }

        if (!hostEndExists)
        {
            diffs.Add($"the node-side veth {e.HostIfname} is missing");
        }

        if (!File.Exists(e.Netns))
        {
            diffs.Add($"the netns {e.Netns} is gone");
            return diffs;
        }

        using var rtnl = RtnetlinkClient.Open(e.Netns);
        if (rtnl.GetLink(e.Ifname) is not { } link)
        {
            diffs.Add($"no interface {e.Ifname} in {e.Netns}");
            return diffs;
        }

        Compare(diffs, "mac", link.Mac is { } mac ? MacAddress.FromBytes(mac.GetAddressBytes()).ToString() : null, e.Mac);
        Compare(diffs, "mtu", link.Mtu.ToString(CultureInfo.InvariantCulture), e.Mtu.ToString(CultureInfo.InvariantCulture));
        if (!link.IsUp)
        {
            diffs.Add($"{e.Ifname} is down");
        }

        var addresses = rtnl.ListAddresses(e.Ifname).Select(a => $"{a.Address}/{a.PrefixLength}").ToList();
        var wanted = $"{e.Ip}/{e.PrefixLength}";
        if (!addresses.Contains(wanted))
        {
            diffs.Add($"address {wanted} missing on {e.Ifname} (has {(addresses.Count == 0 ? "none" : string.Join(", ", addresses))})");
        }

        if (!rtnl.ListRoutes(e.Ifname).Any(r => r.Destination.PrefixLength == 0 && r.Gateway?.ToString() == e.Gateway))
        {
            diffs.Add($"no default route via {e.Gateway} dev {e.Ifname}");
        }

        return diffs;
    }

    private static void Compare(List<string> diffs, string what, string? actual, string wanted)
    {
        if (!string.Equals(actual, wanted, StringComparison.OrdinalIgnoreCase))
        {
            diffs.Add($"{what} is {actual}, wanted {wanted}");
        }
    }

}
