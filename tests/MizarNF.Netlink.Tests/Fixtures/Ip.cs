using System.Text.Json;

namespace MizarNF.Netlink.Tests.Fixtures;

/// <summary>What iproute2 and ethtool see in a namespace: the independent check of what the library did.</summary>
internal static class Ip
{
    /// <summary>`ip -j -n NETNS ARGS` parsed; an empty array when ip prints nothing.</summary>
    public static JsonElement Json(string netns, params string[] args)
    {
        var output = Command.Run("ip", ["-j", "-n", netns, .. args]);
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "[]" : output).RootElement.Clone();
    }

    /// <summary>The link named <paramref name="name"/> as `ip -j link show` gives it, or null when there is none.</summary>
    public static JsonElement? Link(string netns, string name) =>
        Json(netns, "link", "show").EnumerateArray().Where(l => l.GetProperty("ifname").GetString() == name).Cast<JsonElement?>().FirstOrDefault();

    public static string[] LinkNames(string netns) =>
        Json(netns, "link", "show").EnumerateArray().Select(l => l.GetProperty("ifname").GetString()!).ToArray();

    /// <summary>The link's IPv4 addresses as "ip/prefix".</summary>
    public static string[] Addresses(string netns, string name) =>
        Json(netns, "-4", "addr", "show", "dev", name).EnumerateArray()
            .SelectMany(l => l.GetProperty("addr_info").EnumerateArray())
            .Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}").ToArray();

    /// <summary>The main table's IPv4 routes as "dst via gw dev name" (without "via" on-link).</summary>
    public static string[] Routes(string netns) =>
        Json(netns, "-4", "route", "show").EnumerateArray()
            .Select(r => r.TryGetProperty("gateway", out var gw)
                ? $"{r.GetProperty("dst").GetString()} via {gw.GetString()} dev {r.GetProperty("dev").GetString()}"
                : $"{r.GetProperty("dst").GetString()} dev {r.GetProperty("dev").GetString()}").ToArray();

    /// <summary>`ethtool -k NAME` in the namespace: feature name → "on"/"off" (the "[fixed]" note dropped).</summary>
    public static Dictionary<string, string> Features(string netns, string name) =>
        Command.Run("nsenter", $"--net=/var/run/netns/{netns}", "--", "ethtool", "-k", name)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[1].Trim().Length > 0)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim().Split(' ')[0]);
}
