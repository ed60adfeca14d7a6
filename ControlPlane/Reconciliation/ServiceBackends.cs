using System.Net;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>Which endpoints back a service, and the ScaledEndpoint entries its owners hold.</summary>
internal static class ServiceBackends
{
    /// <summary>
    /// True when <paramref name="endpoint"/> is one of <paramref name="service"/>'s backends, ready
    /// or not: of the same VPC, not being deleted, and matched by the selector (every label) or
    /// named in the explicit list (by name or address).
    /// </summary>
    public static bool Selects(Service service, Endpoint endpoint)
    {
        if (endpoint.Spec.Vpc != service.Spec.Vpc || endpoint.Metadata.DeletionTimestamp is not null)
        {
            return false;
        }

        if (service.Spec.Selector is { } selector)
        {
            var labels = endpoint.Metadata.Labels;
            return labels is not null && selector.All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value);
        }

        return service.Spec.Endpoints is { } named
            && (named.Contains(endpoint.Name) || (endpoint.Status.Ip is { } ip && named.Contains(ip)));
    }

    /// <summary>A backend only once it is provisioned: Ready with an address and a host.</summary>
    public static bool IsReady(Endpoint endpoint) =>
        endpoint.IsReady && endpoint.Status.Ip is not null && endpoint.Status.Host is not null;

    /// <summary>
    /// The ready backends of <paramref name="service"/> among <paramref name="endpoints"/>, by
    /// name, leaving out <paramref name="leaving"/> (an endpoint on its way out).
    /// </summary>
    public static IReadOnlyList<ServiceBackend> Resolve(Service service, IEnumerable<Endpoint> endpoints, string? leaving = null) =>
    [
        .. endpoints
            .Where(e => e.Name != leaving && IsReady(e) && Selects(service, e))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new ServiceBackend(e.Name, e.Status.Ip!, e.Status.Host!)),
    ];

    /// <summary>The explicit backends that are no endpoint of the VPC yet (or not ready): for the status message.</summary>
    public static int Pending(Service service, IReadOnlyList<ServiceBackend> ready) =>
        service.Spec.Endpoints is { } named ? named.Count(n => !ready.Any(b => b.Endpoint == n || b.Ip == n)) : 0;

    /// <summary>The owners' entries: one per port, each with every ready backend.</summary>
    public static IReadOnlyList<ServiceEntry> Entries(Service service, uint vni, IReadOnlyList<ServiceBackend> backends)
    {
        var affinity = service.Spec.SessionAffinity == ServiceAffinity.ClientIp
            ? new ServiceEntryAffinity(true, service.Spec.SessionAffinityConfig?.ClientIp?.TimeoutSeconds ?? ServiceAffinity.DefaultTimeoutSeconds)
            : null;
        return
        [
            .. service.Spec.Ports.Select(p => new ServiceEntry(
                vni,
                service.Status.ClusterIp!,
                p.Port,
                Protocol(p.Protocol),
                [.. backends.Select(b => new ServiceEntryBackend(b.Ip, p.TargetPort ?? p.Port, b.Host))],
                affinity)),
        ];
    }

    /// <summary>"port/PROTOCOL" of each port: what the owners hold.</summary>
    public static IReadOnlyList<string> PortKeys(Service service) => [.. service.Spec.Ports.Select(p => $"{p.Port}/{p.Protocol}")];

    /// <summary>The removal keys of "port/PROTOCOL" strings.</summary>
    public static IReadOnlyList<ServiceKey> Keys(uint vni, string clusterIp, IEnumerable<string> portKeys) =>
    [
        .. portKeys.Select(k => k.Split('/')).Select(k => new ServiceKey(vni, clusterIp, int.Parse(k[0], System.Globalization.CultureInfo.InvariantCulture), Protocol(k[1]))),
    ];

    /// <summary>The /32 a divider routes to the owners.</summary>
    public static string Route(string clusterIp) => $"{IPAddress.Parse(clusterIp)}/32";

    private static string Protocol(string protocol) => protocol.ToLowerInvariant();
}
