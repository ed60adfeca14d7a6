using System.Text.Json;

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

        if (IpCommand.JsonIn(e.Netns, "addr", "show", "dev", e.Ifname) is not { } links || links.GetArrayLength() == 0)
        {
            diffs.Add($"no interface {e.Ifname} in {e.Netns}");
            return diffs;
        }

        var link = links[0];
        Compare(diffs, "mac", link.GetProperty("address").GetString(), e.Mac);
        Compare(diffs, "mtu", link.GetProperty("mtu").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), e.Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!link.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "UP"))
        {
            diffs.Add($"{e.Ifname} is down");
        }

        var addresses = link.TryGetProperty("addr_info", out var info)
            ? info.EnumerateArray().Where(a => a.GetProperty("family").GetString() == "inet").Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}").ToList()
            : [];
        var wanted = $"{e.Ip}/{e.PrefixLength}";
        if (!addresses.Contains(wanted))
        {
            diffs.Add($"address {wanted} missing on {e.Ifname} (has {(addresses.Count == 0 ? "none" : string.Join(", ", addresses))})");
        }

        var routes = IpCommand.JsonIn(e.Netns, "route", "show", "default")?.EnumerateArray().ToList() ?? [];
        if (!routes.Any(r => Text(r, "gateway") == e.Gateway && Text(r, "dev") == e.Ifname))
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

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
}
