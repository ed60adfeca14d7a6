using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Placement;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>
/// VPCs: a VNI allocated once and kept in the status, dividers placed on the least-loaded Ready
/// nodes. A VPC without subnets costs no node call: dividers learn the VPC's subnets when the
/// subnets are reconciled. The number of dividers may change while the VPC has subnets and
/// endpoints: the nodes are moved over make-before-break (<see cref="DividerHandover"/>). The CIDR
/// may not change then: the subnets were checked against it.
/// </summary>
internal sealed class VpcReconciler(ReconcileContext context) : KindReconciler<Vpc>(context)
{
    protected override Vpc Prepare(Vpc desired, Vpc? existing)
    {
        var what = Validate.Describe(desired);
        Validate.Cidr(desired.Spec.Cidr, what + ": spec.cidr");
        Validate.Count(desired.Spec.Dividers, 0, 8, what + ": spec.dividers");
        ServiceCidr(desired, existing, what);
        var subnets = SubnetsOf(desired.Name);
        if (subnets.Count > 0 && existing is not null)
        {
            if (desired.Spec.Cidr != existing.Spec.Cidr)
            {
                throw new ControlPlaneValidationException(
                    $"{what}: spec.cidr cannot change from {existing.Spec.Cidr} to {desired.Spec.Cidr} while it has subnets ({Validate.List(subnets)}); delete them first");
            }

            if (desired.Spec.Dividers == 0 && existing.Spec.Dividers > 0)
            {
                throw new ControlPlaneValidationException(
                    $"{what}: spec.dividers cannot drop to 0 while it has subnets ({Validate.List(subnets)}): traffic between them goes through a divider (1..8)");
            }
        }

        var others = Context.Store.List<Vpc>().Where(v => v.Name != desired.Name).ToList();
        var vni = desired.Status.Vni ?? AllocateVni(others, what);
        var twin = others.FirstOrDefault(v => v.Status.Vni == vni);
        if (twin is not null)
        {
            throw new ControlPlaneValidationException($"{what}: VNI {vni} is also held by VPC '{twin.Name}'");
        }

        return desired with { Status = desired.Status with { Vni = vni } };
    }

    protected override async Task<Vpc> ConvergeAsync(Vpc prepared, CancellationToken cancellationToken)
    {
        var before = prepared.Status.Dividers;
        var placed = RolePlacement.Place(prepared.Spec.Dividers, Context.ReadyNodes(), Context.RoleLoad(), before);
        if (prepared.Spec.Dividers > 0 && placed.Count == 0)
        {
            // The dividers it has, if any, keep serving until a node can take the role.
            return Store(Context.WithReady(prepared, false, Reasons.NoReadyNodes, "no Ready node to place dividers on"));
        }

        var handover = new DividerHandover(Context, prepared, placed);
        var vpc = prepared with { Status = prepared.Status with { Dividers = placed, RetiringDividers = handover.Retiring } };
        var done = $"VNI {vpc.Status.Vni}, dividers [{string.Join(", ", placed)}]";
        if (handover.IsEmpty)
        {
            return Store(Context.WithReady(vpc with { Status = vpc.Status with { RetiringDividers = [] } }, true, Reasons.Placed, done));
        }

        // The placement and the dividers to retire are stored before any call: a retry, after a
        // node failure or a crash, finds them and makes the handover again.
        Log.DividersChanging(Context.Logger, vpc.Name, string.Join(", ", before), string.Join(", ", placed));
        vpc = Store(Context.WithReady(vpc, false, Reasons.Programming, $"dividers [{string.Join(", ", placed)}]: programming them"));
        var failures = await Context.CallAsync(handover.Program, cancellationToken);
        if (failures.Count > 0)
        {
            // Nodes are given the status's dividers (new endpoints too): until the new ones hold
            // every subnet, those are the old ones. The new ones may hold some: they retire until placed again.
            var retiring = vpc.Status.RetiringDividers.Concat(placed).Distinct(StringComparer.Ordinal).Except(before, StringComparer.Ordinal);
            var rolledBack = vpc with { Status = vpc.Status with { Dividers = before, RetiringDividers = [.. retiring] } };
            return Store(Context.WithOutcome(rolledBack, failures, Reasons.Placed, done));
        }

        failures = await Context.CallAsync(handover.Announce, cancellationToken);
        if (failures.Count == 0)
        {
            failures = await Context.CallAsync(handover.Retire, cancellationToken);
            var left = handover.Retiring.Where(n => failures.Any(f => f.Node == n)).ToList();
            vpc = vpc with { Status = vpc.Status with { RetiringDividers = left } };
        }

        return Store(Context.WithOutcome(vpc, failures, Reasons.Placed, done));
    }

    protected override void ValidateDelete(Vpc existing)
    {
        var subnets = SubnetsOf(existing.Name);
        if (subnets.Count > 0)
        {
            throw new ControlPlaneValidationException($"{Validate.Describe(existing)} cannot be deleted: it still has subnets ({Validate.List(subnets)})");
        }

        var services = ServicesOf(existing.Name);
        if (services.Count > 0)
        {
            throw new ControlPlaneValidationException($"{Validate.Describe(existing)} cannot be deleted: it still has services ({Validate.List(services)})");
        }
    }

    /// <summary>The service CIDR overlaps no subnet of the VPC, and cannot change while the VPC has services.</summary>
    private void ServiceCidr(Vpc desired, Vpc? existing, string what)
    {
        if (desired.Spec.ServiceCidr is not { } text)
        {
            if (existing?.Spec.ServiceCidr is not null && ServicesOf(desired.Name) is { Count: > 0 } held)
            {
                throw new ControlPlaneValidationException($"{what}: spec.serviceCidr cannot be removed while it has services ({Validate.List(held)})");
            }

            return;
        }

        var cidr = Validate.Cidr(text, what + ": spec.serviceCidr");
        var subnet = Context.Store.List<Subnet>().Where(s => s.Spec.Vpc == desired.Name)
            .FirstOrDefault(s => Validate.Cidr(s.Spec.Cidr, s.Name).Overlaps(cidr));
        if (subnet is not null)
        {
            throw new ControlPlaneValidationException($"{what}: spec.serviceCidr {cidr} overlaps subnet '{subnet.Name}' ({subnet.Spec.Cidr})");
        }

        var services = ServicesOf(desired.Name);
        if (existing is not null && existing.Spec.ServiceCidr != text && services.Count > 0)
        {
            throw new ControlPlaneValidationException(
                $"{what}: spec.serviceCidr cannot change from {existing.Spec.ServiceCidr ?? "none"} to {cidr} while it has services ({Validate.List(services)}); delete them first");
        }
    }

    private List<string> ServicesOf(string vpc) =>
        [.. Context.Store.List<Service>().Where(s => s.Spec.Vpc == vpc).Select(s => s.Name)];

    /// <summary>A VPC without subnets has nothing on its dividers.</summary>
    protected override Task<IReadOnlyList<NodeCallFailure>> UnprogramAsync(Vpc existing, CancellationToken cancellationToken) =>
        Task.FromResult(NoFailures);

    private uint AllocateVni(IEnumerable<Vpc> others, string what)
    {
        try
        {
            return Context.Vnis.Allocate(others.Select(v => v.Status.Vni).OfType<uint>());
        }
        catch (ControlPlaneValidationException e)
        {
            throw new ControlPlaneValidationException($"{what}: {e.Message}", e);
        }
    }

    private List<string> SubnetsOf(string vpc) =>
        [.. Context.Store.List<Subnet>().Where(s => s.Spec.Vpc == vpc).Select(s => s.Name)];

    private Vpc Store(Vpc vpc)
    {
        Context.Store.Put(vpc);
        return vpc;
    }
}
