using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.NodeApi.V1;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>
/// The node calls that move a VPC with subnets to a new set of dividers, make-before-break, in
/// three steps that the caller makes in order, each only once the one before succeeded everywhere:
/// <list type="number">
/// <item><see cref="Program"/>: the dividers that may lack them learn every subnet of the VPC;</item>
/// <item><see cref="Announce"/>: every node that sends to the dividers (the bouncers of the VPC's
/// subnets, the nodes of its endpoints) is told the new list;</item>
/// <item><see cref="Retire"/>: the dropped dividers forget the subnets.</item>
/// </list>
/// So no node is told a divider that cannot divide yet, and no divider forgets a subnet while a
/// node may still send to it. All calls are upserts or removals: redoing a step is harmless.
/// </summary>
internal sealed class DividerHandover
{
    private readonly ReconcileContext _context;
    private readonly uint _vni;

    /// <param name="context">The store and nodes.</param>
    /// <param name="vpc">The VPC as stored, before the change (its status says what the nodes have).</param>
    /// <param name="placed">The dividers it moves to.</param>
    public DividerHandover(ReconcileContext context, Vpc vpc, IReadOnlyList<string> placed)
    {
        _context = context;
        _vni = vpc.Status.Vni ?? throw new InvalidOperationException($"VPC '{vpc.Name}' has no VNI");
        var subnets = context.Store.List<Subnet>().Where(s => s.Spec.Vpc == vpc.Name && s.Status.Bouncers.Count > 0).ToList();
        var live = subnets.Where(s => s.Metadata.DeletionTimestamp is null).ToList();

        // Services' ClusterIPs are /32 "subnets" on the dividers, leading to their owners: they move along.
        var services = context.Store.List<Service>()
            .Where(s => s.Spec.Vpc == vpc.Name && s.Status.Owners.Count > 0 && s.Status.ClusterIp is not null).ToList();
        var liveServices = services.Where(s => s.Metadata.DeletionTimestamp is null).ToList();

        // Ready means the last change finished: the dividers it had hold every subnet and every
        // node knows them. Otherwise (a failure, a crash) nothing is assumed and every step is redone.
        var settled = vpc.IsReady;
        IReadOnlyList<string> added = settled ? placed.Except(vpc.Status.Dividers, StringComparer.Ordinal).ToList() : placed;
        var changed = !settled || !placed.SequenceEqual(vpc.Status.Dividers, StringComparer.Ordinal);
        List<string> retiring = subnets.Count + services.Count == 0 ? [] : vpc.Status.Dividers.Concat(vpc.Status.RetiringDividers)
            .Distinct(StringComparer.Ordinal).Except(placed, StringComparer.Ordinal).ToList();

        Program =
        [
            .. added.SelectMany(n => live.Select(s => DividerSubnet(n, s, Operation.Upsert))),
            .. added.SelectMany(n => liveServices.Select(s => DividerRoute(n, s, Operation.Upsert))),
        ];
        Announce = changed && placed.Count > 0 ? Announcing(vpc.Name, live, placed) : [];
        Retiring = retiring;
        Retire =
        [
            .. retiring.SelectMany(n => subnets.Select(s => DividerSubnet(n, s, Operation.Remove))),
            .. retiring.SelectMany(n => services.Select(s => DividerRoute(n, s, Operation.Remove))),
        ];
    }

    /// <summary>Step 1: Divider "subnet" upserts, for each subnet and service /32 (not being deleted), to each divider that may lack it.</summary>
    public IReadOnlyList<NodeCall> Program { get; }

    /// <summary>Step 2: the Endpoint "vpc" upsert of the new dividers' addresses, to each node that sends to the dividers.</summary>
    public IReadOnlyList<NodeCall> Announce { get; }

    /// <summary>Step 3: Divider "subnet" removals, for each subnet and service /32, from each retiring divider.</summary>
    public IReadOnlyList<NodeCall> Retire { get; }

    /// <summary>The nodes that divided the VPC and must forget its subnets (none when it has no subnet).</summary>
    public IReadOnlyList<string> Retiring { get; }

    /// <summary>True when there is no call to make: the nodes already have what the new dividers need.</summary>
    public bool IsEmpty => Program.Count + Announce.Count + Retire.Count == 0;

    /// <summary>
    /// The nodes that send traffic of the VPC to its dividers: its subnets' bouncers and its
    /// endpoints' nodes. Objects being deleted are left out: they are on their way out, and a
    /// node that still serves the VPC otherwise is reached through its other objects.
    /// </summary>
    private List<NodeCall> Announcing(string vpc, IEnumerable<Subnet> live, IReadOnlyList<string> placed)
    {
        var endpoints = _context.Store.List<Endpoint>()
            .Where(e => e.Spec.Vpc == vpc && e.Status.Ip is not null && e.Metadata.DeletionTimestamp is null);
        var senders = live.SelectMany(s => s.Status.Bouncers).Concat(endpoints.Select(e => e.Spec.Node)).Distinct(StringComparer.Ordinal);
        var request = FunctionRequests.EndpointVpc(Operation.Upsert, _vni, _context.Addresses(placed));
        return [.. senders.Select(n => new NodeCall(n, $"Endpoint vpc {_vni} dividers", (api, ct) => api.ProgramFunctionAsync(request, ct)))];
    }

    private NodeCall DividerRoute(string node, Service service, Operation operation)
    {
        var route = ServiceBackends.Route(service.Status.ClusterIp!);
        var request = FunctionRequests.DividerSubnet(operation, _vni, route, _context.Addresses(service.Status.Owners));
        return new NodeCall(node, $"Divider {(operation == Operation.Remove ? "remove route" : "route")} {route}", (api, ct) => api.ProgramFunctionAsync(request, ct));
    }

    private NodeCall DividerSubnet(string node, Subnet subnet, Operation operation)
    {
        var cidr = subnet.Spec.Cidr;
        var request = FunctionRequests.DividerSubnet(operation, _vni, cidr, _context.Addresses(subnet.Status.Bouncers));
        var what = operation == Operation.Remove ? $"Divider remove subnet {cidr}" : $"Divider subnet {cidr}";
        return new NodeCall(node, what, (api, ct) => api.ProgramFunctionAsync(request, ct));
    }
}
