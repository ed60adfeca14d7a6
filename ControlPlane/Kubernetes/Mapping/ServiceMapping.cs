using k8s.Models;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Mapping;

/// <summary>
/// Core Services and their EndpointSlices to MizarNF Services with explicit backends. Kubernetes
/// has chosen the ClusterIP and the backends already (its EndpointSlice controller matched the
/// selector against Pods); MizarNF takes both as they are and places owners.
/// </summary>
internal static class ServiceMapping
{
    /// <summary>The label of an EndpointSlice naming its Service.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>
    /// The MizarNF service of a ClusterIP Service, named "namespace.name", in the VPC of its
    /// <see cref="MizarAnnotations.Vpc"/> annotation, else <paramref name="defaultVpc"/>. Its
    /// backends are the ready endpoints of <paramref name="slices"/>: the MizarNF endpoint of the
    /// Pod an endpoint refers to ("namespace.pod"), else its first address. Ports keep their
    /// number and protocol; a named targetPort is resolved through the slices' ports of the same
    /// name. Null for Services MizarNF does not serve: other types, headless (ClusterIP None), no
    /// IPv4 ClusterIP, no TCP or UDP port, or no VPC.
    /// </summary>
    public static Service? ToService(V1Service service, IEnumerable<V1EndpointSlice> slices, ObjectSource source, string? defaultVpc)
    {
        var spec = service.Spec;
        var vpc = source.Annotations.TryGetValue(MizarAnnotations.Vpc, out var annotated) && annotated.Length > 0 ? annotated : defaultVpc;
        if (spec is null || vpc is null || (spec.Type is { } type && type != "ClusterIP")
            || spec.ClusterIP is not { Length: > 0 } clusterIp || clusterIp == "None" || clusterIp.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var ipv4 = slices.Where(s => s.AddressType == "IPv4").ToList();
        var ports = (spec.Ports ?? []).Where(p => (p.Protocol ?? "TCP") is "TCP" or "UDP").Select(p => Port(p, ipv4)).ToList();
        if (ports.Count == 0)
        {
            return null;
        }

        var affinity = spec.SessionAffinity == ServiceAffinity.ClientIp;
        return new Service
        {
            Metadata = new ObjectMeta { Name = source.MizarName, Namespace = source.Namespace },
            Spec = new ServiceSpec
            {
                Vpc = vpc,
                ClusterIp = clusterIp,
                Ports = ports,
                Endpoints = Backends(ipv4),
                SessionAffinity = affinity ? ServiceAffinity.ClientIp : ServiceAffinity.None,
                SessionAffinityConfig = affinity && spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds is { } timeout
                    ? new SessionAffinityConfig { ClientIp = new ClientIpConfig { TimeoutSeconds = timeout } }
                    : null,
            },
        };
    }

    /// <summary>
    /// The ready endpoints, each once, in a stable order (slices come and go in any order).
    /// Ready unset counts as ready, as the API documents; ready=false (failing its readiness probe,
    /// terminating) is left out, so its flows are decided anew by the owners.
    /// </summary>
    private static List<string> Backends(IEnumerable<V1EndpointSlice> slices) =>
    [
        .. slices
            .SelectMany(s => s.Endpoints ?? [])
            .Where(e => e.Conditions?.Ready != false && e.Addresses is { Count: > 0 })
            .Select(e => e.TargetRef is { Kind: "Pod", Name: { Length: > 0 } pod } target
                ? $"{target.NamespaceProperty}.{pod}"
                : e.Addresses[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    private static ServicePort Port(V1ServicePort port, IReadOnlyList<V1EndpointSlice> slices)
    {
        int? target = port.TargetPort?.Value is { } value && int.TryParse(value, out var number) ? number : null;

        // A named targetPort (a container port's name) is only known through the slices: the
        // EndpointSlice controller publishes the number under the Service port's name.
        target ??= slices.SelectMany(s => s.Ports ?? []).FirstOrDefault(p => p.Name == port.Name && p.Port is not null)?.Port;
        return new ServicePort { Name = port.Name, Port = port.Port, TargetPort = target == port.Port ? null : target, Protocol = port.Protocol ?? "TCP" };
    }
}
