using MizarNF.Netlink;

namespace MizarNF.Bench.Links;

/// <summary>
/// What a provisioner left, read back through the library: the check that both subjects did the
/// same work before either is timed (host end up with its MTU; pod end's MAC, MTU, address,
/// default route and offloads; lo up).
/// </summary>
internal static class PodLinkView
{
    public static string Of(RtnetlinkClient host, PodLinkSpec spec)
    {
        using var pod = RtnetlinkClient.Open(spec.PodNetns);
        var h = host.GetLink(spec.HostName) ?? throw new InvalidOperationException($"{spec.HostName} is missing");
        var p = pod.GetLink(spec.PodName) ?? throw new InvalidOperationException($"{spec.PodName} is missing in {spec.PodNetns}");
        var lo = pod.GetLink("lo")!;
        var addresses = string.Join(',', pod.ListAddresses(spec.PodName).Select(a => $"{a.Address}/{a.PrefixLength}"));
        var routes = string.Join(',', pod.ListRoutes(spec.PodName).Select(r => $"{r.Destination} via {r.Gateway}"));
        return $"host up={h.IsUp} mtu={h.Mtu}; pod mac={p.Mac} mtu={p.Mtu} up={p.IsUp} lo={lo.IsUp} addr={addresses} routes={routes} offloads={pod.GetOffloads(spec.PodName)}";
    }
}
