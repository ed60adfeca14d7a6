using System.Diagnostics;
using System.Net;
using MizarNF.ControlPlane.Allocation;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.NodeApi.V1;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;
using Node = MizarNF.ControlPlane.Objects.Node;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>
/// Endpoints: an address allocated (or the fixed one checked) and stored first; then exactly one
/// call to the endpoint's node and one per bouncer of its subnet, and nothing else: the rest of
/// the cluster learns of the endpoint from the data plane on first use. (A retry after the VPC's
/// dividers changed adds the new dividers to the node's call.) The services that select it then
/// follow: one call per owner of each service whose ready backends changed.
/// </summary>
internal sealed class EndpointReconciler(ReconcileContext context, ServiceReconciler services) : KindReconciler<Endpoint>(context)
{
    protected override Endpoint Prepare(Endpoint desired, Endpoint? existing)
    {
        var what = Validate.Describe(desired);
        var spec = desired.Spec;
        Validate.Unchanged(desired, existing, "(delete and re-create it)");
        var vpc = Context.Store.Get<Vpc>(spec.Vpc ?? string.Empty) ?? throw new ControlPlaneValidationException($"{what}: unknown VPC '{spec.Vpc}'");
        var subnet = Context.Store.Get<Subnet>(spec.Subnet ?? string.Empty) ?? throw new ControlPlaneValidationException($"{what}: unknown subnet '{spec.Subnet}'");
        if (subnet.Spec.Vpc != vpc.Name)
        {
            throw new ControlPlaneValidationException($"{what}: subnet '{subnet.Name}' belongs to VPC '{subnet.Spec.Vpc}', not '{vpc.Name}'");
        }

        var node = Context.Store.Get<Node>(spec.Node ?? string.Empty) ?? throw new ControlPlaneValidationException($"{what}: unknown node '{spec.Node}'");
        if (node.Metadata.DeletionTimestamp is not null)
        {
            throw new ControlPlaneValidationException($"{what}: node '{node.Name}' is being deleted");
        }

        Validate.NotEmpty(spec.Netns, what + ": spec.netns");
        if (spec.Ifname is { } ifname && (ifname.Length is 0 or > 15 || ifname.Any(c => c is '/' or ' ' or ':')))
        {
            throw new ControlPlaneValidationException($"{what}: spec.ifname '{ifname}' is not an interface name (1 to 15 characters, no '/', ' ' or ':')");
        }

        var requested = spec.Ip is null ? null : Validate.Ipv4(spec.Ip, what + ": spec.ip");
        var ip = desired.Status.Ip is { } held ? IPAddress.Parse(held) : Allocate(subnet, requested, what);
        return desired with
        {
            Status = desired.Status with
            {
                Ip = ip.ToString(),
                Mac = MacAddresses.ForEndpoint(ip).ToString(),
                Gateway = subnet.Status.Gateway,
                Host = node.Spec.Address,
            },
        };
    }

    protected override async Task<Endpoint> ConvergeAsync(Endpoint prepared, CancellationToken cancellationToken)
    {
        var subnet = Context.Store.Get<Subnet>(prepared.Spec.Subnet)!;
        var vpc = Context.Store.Get<Vpc>(prepared.Spec.Vpc)!;
        if (!subnet.IsReady)
        {
            return Store(Context.WithReady(prepared, false, Reasons.SubnetNotReady, $"subnet '{subnet.Name}' is not Ready"));
        }

        // The address, and the dividers the node is first given, are stored before any call: after
        // a crash the address is reused, never handed out twice, and the node is sent the same endpoint.
        var first = prepared.Status.VpcDividers ?? Context.Addresses(vpc.Status.Dividers);
        var endpoint = prepared with { Status = prepared.Status with { VpcDividers = first } };
        endpoint = Store(Context.WithReady(endpoint, false, Reasons.Provisioning, $"address {endpoint.Status.Ip} allocated"));

        var started = Stopwatch.GetTimestamp();
        var failures = await Context.CallAsync(Provisioning(endpoint, subnet, vpc), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        endpoint = endpoint with { Status = endpoint.Status with { ProvisionedIn = Math.Round(elapsed, 3) } };
        if (failures.Count == 0)
        {
            Log.EndpointProvisioned(Context.Logger, endpoint.Name, endpoint.Status.Ip!, endpoint.Spec.Node, elapsed);
        }

        endpoint = Store(Context.WithOutcome(endpoint, failures, Reasons.Programmed, $"{endpoint.Status.Ip} on node '{endpoint.Spec.Node}'"));
        await services.FollowAsync(endpoint, leaving: false, cancellationToken);
        return endpoint;
    }

    protected override void ValidateDelete(Endpoint existing)
    {
    }

    protected override async Task<IReadOnlyList<NodeCallFailure>> UnprogramAsync(Endpoint existing, CancellationToken cancellationToken)
    {
        var subnet = Context.Store.Get<Subnet>(existing.Spec.Subnet);
        var vni = Context.Store.Get<Vpc>(existing.Spec.Vpc)?.Status.Vni;
        if (existing.Status.Ip is null || subnet is null || vni is null)
        {
            return NoFailures; // never reached a node
        }

        // Services stop choosing it before it goes.
        await services.FollowAsync(existing, leaving: true, cancellationToken);
        var s = existing.Status;
        var delete = new DeleteEndpointRequest { Id = existing.Name };
        var forget = FunctionRequests.BouncerEndpoint(Operation.Remove, vni.Value, s.Ip, s.Host ?? string.Empty, s.Mac ?? string.Empty);
        return await Context.CallAsync(
            [
                new NodeCall(existing.Spec.Node, $"DeleteEndpoint {existing.Name}", (api, ct) => api.DeleteEndpointAsync(delete, ct)),
                .. subnet.Status.Bouncers.Select(b => new NodeCall(b, $"Bouncer remove endpoint {s.Ip}", (api, ct) => api.ProgramFunctionAsync(forget, ct))),
            ],
            cancellationToken);
    }

    private IPAddress Allocate(Subnet subnet, IPAddress? requested, string what)
    {
        // Only an endpoint without an address gets here, so none of the held addresses is its own.
        try
        {
            return new IpAllocator(Validate.Cidr(subnet.Spec.Cidr, subnet.Name), Context.Store.AddressesIn(subnet.Name)).Allocate(requested);
        }
        catch (ControlPlaneValidationException e)
        {
            throw new ControlPlaneValidationException($"{what}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The node's one call (followed by the VPC's dividers when they changed since it was first
    /// sent) and one call per bouncer of the subnet.
    /// </summary>
    private List<NodeCall> Provisioning(Endpoint endpoint, Subnet subnet, Vpc vpc)
    {
        var s = endpoint.Status;
        var vni = vpc.Status.Vni!.Value;
        var request = new ProvisionEndpointRequest
        {
            Id = endpoint.Name,
            Vni = vni,
            Ip = s.Ip,
            PrefixLength = (uint)Validate.Cidr(subnet.Spec.Cidr, subnet.Name).Length,
            Gateway = s.Gateway,
            Mac = s.Mac,
            Netns = endpoint.Spec.Netns,
            Ifname = endpoint.Spec.Ifname ?? string.Empty,
        };
        request.SubnetBouncers.AddRange(Context.Addresses(subnet.Status.Bouncers));
        request.VpcDividers.AddRange(s.VpcDividers!);
        var dividers = Context.Addresses(vpc.Status.Dividers);
        var moved = FunctionRequests.EndpointVpc(Operation.Upsert, vni, dividers);
        var learn = FunctionRequests.BouncerEndpoint(Operation.Upsert, vni, s.Ip!, s.Host!, s.Mac!);
        return
        [
            new NodeCall(endpoint.Spec.Node, $"ProvisionEndpoint {endpoint.Name}", async (api, ct) =>
            {
                await api.ProvisionEndpointAsync(request, ct);
                if (dividers.Count > 0 && !dividers.SequenceEqual(s.VpcDividers!))
                {
                    // The VPC's dividers changed since this endpoint was first sent: the node keeps
                    // the first list with the endpoint (a new one would conflict), so the new one follows.
                    await api.ProgramFunctionAsync(moved, ct);
                }
            }),
            .. subnet.Status.Bouncers.Select(b => new NodeCall(b, $"Bouncer endpoint {s.Ip}", (api, ct) => api.ProgramFunctionAsync(learn, ct))),
        ];
    }

    private Endpoint Store(Endpoint endpoint)
    {
        Context.Store.Put(endpoint);
        return endpoint;
    }
}
