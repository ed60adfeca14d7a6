using System.Security.Cryptography;
using System.Text;
using MizarNF.ControlPlane.Objects;
using MizarNF.NodeApi.V1;
using Node = MizarNF.ControlPlane.Objects.Node;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>Nodes: every node is told the full peer list whenever the set of nodes changes.</summary>
internal sealed class NodeReconciler(ReconcileContext context) : KindReconciler<Node>(context)
{
    /// <summary>SetPeers to every node whose last accepted peer list differs from the current one (or that is not Ready).</summary>
    public async Task SyncPeersAsync(CancellationToken cancellationToken)
    {
        var nodes = Context.Store.List<Node>().Where(n => n.Metadata.DeletionTimestamp is null).ToList();
        var request = new SetPeersRequest();
        request.Peers.AddRange(nodes.Select(n => new Peer { Ip = n.Spec.Address, Mac = n.Spec.Mac }));
        var digest = Digest(request);
        var stale = nodes.Where(n => !(n.IsConverged && n.Status.PeersDigest == digest)).ToList();
        var failures = await Context.CallAsync(stale.Select(n => new NodeCall(n.Name, "SetPeers", (api, ct) => api.SetPeersAsync(request, ct))), cancellationToken);
        foreach (var node in stale)
        {
            var own = failures.Where(f => f.Node == node.Name).ToList();
            var updated = own.Count == 0 ? node with { Status = node.Status with { PeersDigest = digest } } : node;
            Context.Store.Put(Context.WithOutcome(updated, own, Reasons.PeersSet, $"{nodes.Count} peers"));
        }
    }

    protected override Node Prepare(Node desired, Node? existing)
    {
        var what = Validate.Describe(desired);
        var address = Validate.Ipv4(desired.Spec.Address, what + ": spec.address").ToString();
        Validate.UnicastMac(desired.Spec.Mac, what + ": spec.mac");
        Validate.NotEmpty(desired.Spec.Socket, what + ": spec.socket");
        var twin = Context.Store.List<Node>().FirstOrDefault(n => n.Name != desired.Name && n.Spec.Address == address);
        if (twin is not null)
        {
            throw new ControlPlaneValidationException($"{what}: address {address} is already node '{twin.Name}'s");
        }

        if (existing is not null && existing.Spec.Address != desired.Spec.Address && Roles(desired.Name).Count > 0)
        {
            throw new ControlPlaneValidationException($"{what}: its address cannot change while it holds {Validate.List(Roles(desired.Name))}");
        }

        return desired;
    }

    protected override async Task<Node> ConvergeAsync(Node prepared, CancellationToken cancellationToken)
    {
        Context.Store.Put(prepared);
        await SyncPeersAsync(cancellationToken);
        return Context.Store.Get<Node>(prepared.Name)!;
    }

    protected override void ValidateDelete(Node existing)
    {
        var roles = Roles(existing.Name);
        if (roles.Count > 0)
        {
            throw new ControlPlaneValidationException($"{Validate.Describe(existing)} cannot be deleted: it holds {Validate.List(roles)}");
        }
    }

    protected override Task<IReadOnlyList<NodeCallFailure>> UnprogramAsync(Node existing, CancellationToken cancellationToken) =>
        Task.FromResult(NoFailures);

    /// <summary>The remaining nodes must stop accepting Geneve from the deleted one.</summary>
    protected override Task AfterRemoveAsync(Node removed, CancellationToken cancellationToken) => SyncPeersAsync(cancellationToken);

    /// <summary>What a node hosts or serves: endpoints, bouncer, divider and owner roles (a retiring divider still holds subnets).</summary>
    private List<string> Roles(string node) =>
    [
        .. Context.Store.List<Objects.Endpoint>().Where(e => e.Spec.Node == node).Select(e => $"endpoint '{e.Name}'"),
        .. Context.Store.List<Subnet>().Where(s => s.Status.Bouncers.Contains(node)).Select(s => $"bouncer of subnet '{s.Name}'"),
        .. Context.Store.List<Vpc>().Where(v => v.Status.Dividers.Contains(node)).Select(v => $"divider of VPC '{v.Name}'"),
        .. Context.Store.List<Vpc>().Where(v => v.Status.RetiringDividers.Contains(node)).Select(v => $"retiring divider of VPC '{v.Name}'"),
        .. Context.Store.List<Service>().Where(s => s.Status.Owners.Contains(node)).Select(s => $"owner of service '{s.Name}'"),
    ];

    private static string Digest(SetPeersRequest request)
    {
        var text = string.Join('\n', request.Peers.Select(p => $"{p.Ip} {p.Mac}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
