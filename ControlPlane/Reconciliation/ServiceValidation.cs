using System.Net;
using MizarNF.ControlPlane.Allocation;
using MizarNF.ControlPlane.Objects;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>The checks of a service's spec against itself, its VPC and the store; each refusal names the field.</summary>
internal static class ServiceValidation
{
    private const int MaxPorts = 64;

    /// <summary>Checks everything but the ClusterIP; returns the VPC.</summary>
    public static Vpc Check(IndexedObjectStore store, Service desired, Service? existing)
    {
        var what = Validate.Describe(desired);
        var spec = desired.Spec;
        var vpc = store.Get<Vpc>(spec.Vpc ?? string.Empty) ?? throw new ControlPlaneValidationException($"{what}: unknown VPC '{spec.Vpc}'");
        if (existing is not null && existing.Spec.Vpc != spec.Vpc)
        {
            throw new ControlPlaneValidationException($"{what}: spec.vpc cannot change from '{existing.Spec.Vpc}' to '{spec.Vpc}' (delete and re-create it)");
        }

        Ports(spec.Ports ?? [], what);
        Backends(store, vpc, spec, what);
        Validate.Count(spec.Owners, 1, 8, what + ": spec.owners");
        if (spec.SessionAffinity is not (ServiceAffinity.None or ServiceAffinity.ClientIp))
        {
            throw new ControlPlaneValidationException($"{what}: spec.sessionAffinity '{spec.SessionAffinity}' is not None or ClientIP");
        }

        if (spec.SessionAffinityConfig?.ClientIp?.TimeoutSeconds is { } timeout)
        {
            Validate.Count(timeout, 1, ServiceAffinity.MaxTimeoutSeconds, what + ": spec.sessionAffinityConfig.clientIP.timeoutSeconds");
        }

        return vpc;
    }

    /// <summary>The ClusterIP the service keeps, or the one it asks for (checked), or one allocated from the VPC's serviceCidr.</summary>
    public static IPAddress ClusterIp(IndexedObjectStore store, Vpc vpc, Service desired, Service? existing)
    {
        var what = Validate.Describe(desired);
        var held = existing?.Status.ClusterIp ?? desired.Status.ClusterIp;
        if (held is not null)
        {
            if (desired.Spec.ClusterIp is { } asked && asked != held)
            {
                throw new ControlPlaneValidationException($"{what}: spec.clusterIP cannot change from {held} to {asked} (delete and re-create it)");
            }

            return IPAddress.Parse(held);
        }

        var requested = desired.Spec.ClusterIp is { } text ? Validate.Ipv4(text, what + ": spec.clusterIP") : null;
        var siblings = store.List<Service>().Where(s => s.Spec.Vpc == vpc.Name && s.Name != desired.Name && s.Status.ClusterIp is not null);
        var used = siblings.ToDictionary(s => IPAddress.Parse(s.Status.ClusterIp!), s => s.Name);
        if (requested is not null)
        {
            var subnet = store.List<Subnet>().FirstOrDefault(s => s.Spec.Vpc == vpc.Name && Validate.Cidr(s.Spec.Cidr, s.Name).Contains(requested));
            if (subnet is not null)
            {
                throw new ControlPlaneValidationException($"{what}: spec.clusterIP {requested} is inside subnet '{subnet.Name}' ({subnet.Spec.Cidr}) of VPC '{vpc.Name}'");
            }
        }

        if (vpc.Spec.ServiceCidr is null)
        {
            if (requested is null)
            {
                throw new ControlPlaneValidationException($"{what}: VPC '{vpc.Name}' has no spec.serviceCidr to allocate a ClusterIP from; give spec.clusterIP");
            }

            return used.TryGetValue(requested, out var holder)
                ? throw new ControlPlaneValidationException($"{what}: spec.clusterIP {requested} is already the ClusterIP of service '{holder}' in VPC '{vpc.Name}'")
                : requested;
        }

        try
        {
            return new ClusterIpAllocator(Validate.Cidr(vpc.Spec.ServiceCidr, $"VPC '{vpc.Name}': spec.serviceCidr"), used).Allocate(requested);
        }
        catch (ControlPlaneValidationException e)
        {
            throw new ControlPlaneValidationException($"{what}: spec.clusterIP: {e.Message} in VPC '{vpc.Name}'", e);
        }
    }

    private static void Ports(IReadOnlyList<ServicePort> ports, string what)
    {
        if (ports.Count is 0 or > MaxPorts)
        {
            throw new ControlPlaneValidationException($"{what}: spec.ports needs 1 to {MaxPorts} ports, has {ports.Count}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (port, i) in ports.Select((p, i) => (p, i)))
        {
            var at = $"{what}: spec.ports[{i}]";
            if (port is null)
            {
                throw new ControlPlaneValidationException($"{at} is null");
            }

            Validate.Count(port.Port, 1, 65535, at + ".port");
            if (port.TargetPort is { } target)
            {
                Validate.Count(target, 1, 65535, at + ".targetPort");
            }

            if (port.Protocol is not ("TCP" or "UDP"))
            {
                throw new ControlPlaneValidationException($"{at}.protocol '{port.Protocol}' is not TCP or UDP");
            }

            if (!seen.Add($"{port.Port}/{port.Protocol}"))
            {
                throw new ControlPlaneValidationException($"{at}: port {port.Port}/{port.Protocol} is listed twice");
            }

            if (port.Name is { } name && !names.Add(name))
            {
                throw new ControlPlaneValidationException($"{at}: name '{name}' is used twice");
            }
        }
    }

    private static void Backends(IndexedObjectStore store, Vpc vpc, ServiceSpec spec, string what)
    {
        if (spec.Selector is not null && spec.Endpoints is not null)
        {
            throw new ControlPlaneValidationException($"{what}: give spec.selector or spec.endpoints, not both");
        }

        if (spec.Selector is null && spec.Endpoints is null)
        {
            throw new ControlPlaneValidationException($"{what}: needs spec.selector (labels of its endpoints) or spec.endpoints (their names or addresses)");
        }

        if (spec.Selector is { } selector && (selector.Count == 0 || selector.Any(p => string.IsNullOrEmpty(p.Key) || p.Value is null)))
        {
            throw new ControlPlaneValidationException($"{what}: spec.selector needs at least one label, each with a non-empty key and a value");
        }

        var vpcCidr = Validate.Cidr(vpc.Spec.Cidr, $"VPC '{vpc.Name}': spec.cidr");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in spec.Endpoints ?? [])
        {
            if (!seen.Add(item ?? string.Empty))
            {
                throw new ControlPlaneValidationException($"{what}: spec.endpoints lists '{item}' twice");
            }

            if (IPAddress.TryParse(item, out var ip) && item.Count(c => c == '.') == 3)
            {
                if (!vpcCidr.Contains(Validate.Ipv4(item, what + ": spec.endpoints")))
                {
                    throw new ControlPlaneValidationException($"{what}: spec.endpoints: {item} is outside VPC '{vpc.Name}' ({vpcCidr})");
                }

                continue;
            }

            ObjectNames.Validate($"{what}: spec.endpoints: Endpoint", item);
            if (store.Get<Endpoint>(item!) is { } endpoint && endpoint.Spec.Vpc != vpc.Name)
            {
                throw new ControlPlaneValidationException($"{what}: spec.endpoints: endpoint '{item}' belongs to VPC '{endpoint.Spec.Vpc}', not '{vpc.Name}'");
            }
        }
    }
}
