using System.Net;
using System.Text.Json;
using MizarNF.Cni.Spec;

namespace MizarNF.Cni.Invocation;

/// <summary>
/// The configuration's "endpoint" section: what ADD makes when the control plane has provisioned
/// nothing for the pod (a node without a control plane, podman on one host). The address comes
/// from the runtime (CNI_ARGS IP= or the "ips" capability).
/// </summary>
public sealed record StaticEndpoint(uint Vni, int PrefixLength, string Gateway, IReadOnlyList<string> Bouncers, IReadOnlyList<string> Dividers)
{
    /// <summary>Parses the section; a missing or bad value is error 7.</summary>
    public static StaticEndpoint Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Bad("must be an object");
        }

        if (!e.TryGetProperty("vni", out var vni) || !vni.TryGetUInt32(out var v) || v is 0 or > 0xFFFFFF)
        {
            throw Bad("needs a vni from 1 to 16777215");
        }

        var subnet = e.TryGetProperty("subnet", out var s) && s.ValueKind == JsonValueKind.String && IPNetwork.TryParse(s.GetString(), out var n) ? n
            : throw Bad("needs a subnet in CIDR notation");
        var gateway = e.TryGetProperty("gateway", out var g) && g.ValueKind == JsonValueKind.String && IPAddress.TryParse(g.GetString(), out var gw) && subnet.Contains(gw) ? gw
            : throw Bad($"needs a gateway inside {subnet}");
        var bouncers = Addresses(e, "bouncers");
        if (bouncers.Count == 0)
        {
            throw Bad("needs at least one bouncer address");
        }

        return new StaticEndpoint(v, subnet.PrefixLength, gateway.ToString(), bouncers, Addresses(e, "dividers"));
    }

    private static List<string> Addresses(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var a))
        {
            return [];
        }

        return a.ValueKind == JsonValueKind.Array && a.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String && IPAddress.TryParse(x.GetString(), out _))
            ? a.EnumerateArray().Select(x => x.GetString()!).ToList()
            : throw Bad($"'{name}' must be a list of IPv4 addresses");
    }

    private static CniException Bad(string what) => new(CniErrorCode.InvalidNetworkConfig, $"the 'endpoint' section {what}");
}
