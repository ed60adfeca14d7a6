using MizarNF.ControlPlane.Allocation;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Placement;
using MizarNF.NodeApi.V1;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>
/// Subnets: checked against their VPC and siblings, bouncers placed on the least-loaded Ready
/// nodes, then each bouncer learns the subnet and each divider of the VPC learns its bouncers.
/// A subnet's spec is immutable: its endpoints' nodes were told its bouncers.
/// </summary>
internal sealed class SubnetReconciler(ReconcileContext context) : KindReconciler<Subnet>(context)
{
    protected override Subnet Prepare(Subnet desired, Subnet? existing)
    {
        var what = Validate.Describe(desired);
        Validate.Unchanged(desired, existing, "(delete and re-create it)");
        var vpc = Context.Store.Get<Vpc>(desired.Spec.Vpc ?? string.Empty)
            ?? throw new ControlPlaneValidationException($"{what}: unknown VPC '{desired.Spec.Vpc}'");
        var cidr = Validate.Cidr(desired.Spec.Cidr, what + ": spec.cidr");
        if (cidr.Length > 30)
        {
            throw new ControlPlaneValidationException($"{what}: {cidr} is too small: a subnet needs at least a /30 (network, gateway, broadcast and one endpoint)");
        }

        var vpcCidr = Validate.Cidr(vpc.Spec.Cidr, $"VPC '{vpc.Name}': spec.cidr");
        if (!vpcCidr.Contains(cidr))
        {
            throw new ControlPlaneValidationException($"{what}: {cidr} is not inside VPC '{vpc.Name}' ({vpcCidr})");
        }

        var sibling = Context.Store.List<Subnet>()
            .Where(s => s.Name != desired.Name && s.Spec.Vpc == vpc.Name)
            .FirstOrDefault(s => Validate.Cidr(s.Spec.Cidr, s.Name).Overlaps(cidr));
        if (sibling is not null)
        {
            throw new ControlPlaneValidationException($"{what}: {cidr} overlaps subnet '{sibling.Name}' ({sibling.Spec.Cidr}) of VPC '{vpc.Name}'");
        }

        if (vpc.Spec.ServiceCidr is { } serviceCidr && Validate.Cidr(serviceCidr, $"VPC '{vpc.Name}': spec.serviceCidr").Overlaps(cidr))
        {
            throw new ControlPlaneValidationException($"{what}: {cidr} overlaps the serviceCidr {serviceCidr} of VPC '{vpc.Name}'");
        }

        var service = Context.Store.List<Service>()
            .FirstOrDefault(s => s.Spec.Vpc == vpc.Name && s.Status.ClusterIp is { } ip && cidr.Contains(System.Net.IPAddress.Parse(ip)));
        if (service is not null)
        {
            throw new ControlPlaneValidationException($"{what}: {cidr} holds the ClusterIP {service.Status.ClusterIp} of service '{service.Name}'");
        }

        Validate.Count(desired.Spec.Bouncers, 1, 8, what + ": spec.bouncers");
        return desired with { Status = desired.Status with { Gateway = IpAllocator.GatewayOf(cidr).ToString() } };
    }

    protected override async Task<Subnet> ConvergeAsync(Subnet prepared, CancellationToken cancellationToken)
    {
        var vpc = Context.Store.Get<Vpc>(prepared.Spec.Vpc)!;
        if (!vpc.IsReady || vpc.Status.Vni is null)
        {
            return Store(Context.WithReady(prepared, false, Reasons.VpcNotReady, $"VPC '{vpc.Name}' is not Ready"));
        }

        var subnet = prepared;
        if (subnet.Status.Bouncers.Count == 0)
        {
            var bouncers = RolePlacement.Place(subnet.Spec.Bouncers, Context.ReadyNodes(), Context.RoleLoad());
            if (bouncers.Count == 0)
            {
                return Store(Context.WithReady(subnet, false, Reasons.NoReadyNodes, "no Ready node to place bouncers on"));
            }

            // The placement is stored before any call, so a crash cannot place the subnet twice.
            subnet = Store(subnet with { Status = subnet.Status with { Bouncers = bouncers } });
        }

        var failures = await Context.CallAsync(Programming(subnet, vpc, Operation.Upsert), cancellationToken);
        return Store(Context.WithOutcome(subnet, failures, Reasons.Programmed, $"bouncers [{string.Join(", ", subnet.Status.Bouncers)}]"));
    }

    protected override void ValidateDelete(Subnet existing)
    {
        var endpoints = Context.Store.List<Objects.Endpoint>().Where(e => e.Spec.Subnet == existing.Name).Select(e => e.Name).ToList();
        if (endpoints.Count > 0)
        {
            throw new ControlPlaneValidationException($"{Validate.Describe(existing)} cannot be deleted: it still has endpoints ({Validate.List(endpoints)})");
        }
    }

    protected override async Task<IReadOnlyList<NodeCallFailure>> UnprogramAsync(Subnet existing, CancellationToken cancellationToken)
    {
        var vpc = Context.Store.Get<Vpc>(existing.Spec.Vpc);
        return vpc?.Status.Vni is null || existing.Status.Bouncers.Count == 0
            ? NoFailures
            : await Context.CallAsync(Programming(existing, vpc, Operation.Remove), cancellationToken);
    }

    /// <summary>
    /// Per bouncer: its subnet ({vni, cidr}) and, on upsert, the VPC's dividers (where it hands
    /// traffic for other subnets); per divider of the VPC: the subnet and its bouncers. A removal
    /// also reaches the dividers the VPC is retiring: they may still hold the subnet.
    /// </summary>
    private List<NodeCall> Programming(Subnet subnet, Vpc vpc, Operation operation)
    {
        var vni = vpc.Status.Vni!.Value;
        var dividers = operation == Operation.Remove
            ? vpc.Status.Dividers.Union(vpc.Status.RetiringDividers, StringComparer.Ordinal)
            : vpc.Status.Dividers;
        var cidr = subnet.Spec.Cidr;
        var bouncer = FunctionRequests.BouncerSubnet(operation, vni, cidr);
        var dividersOfVpc = FunctionRequests.EndpointVpc(Operation.Upsert, vni, Context.Addresses(vpc.Status.Dividers));
        var divider = FunctionRequests.DividerSubnet(operation, vni, cidr, Context.Addresses(subnet.Status.Bouncers));
        return
        [
            .. subnet.Status.Bouncers.Select(n => new NodeCall(n, $"Bouncer subnet {cidr}", async (api, ct) =>
            {
                await api.ProgramFunctionAsync(bouncer, ct);
                if (operation == Operation.Upsert && vpc.Status.Dividers.Count > 0)
                {
                    await api.ProgramFunctionAsync(dividersOfVpc, ct);
                }
            })),
            .. dividers.Select(n => new NodeCall(n, $"Divider subnet {cidr}", (api, ct) => api.ProgramFunctionAsync(divider, ct))),
        ];
    }

    private Subnet Store(Subnet subnet)
    {
        Context.Store.Put(subnet);
        return subnet;
    }
}
