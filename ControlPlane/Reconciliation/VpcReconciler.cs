using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Placement;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>
/// VPCs: a VNI allocated once and kept in the status, dividers placed on the least-loaded Ready
/// nodes. No node calls: dividers learn the VPC's subnets when the subnets are reconciled.
/// </summary>
internal sealed class VpcReconciler(ReconcileContext context) : KindReconciler<Vpc>(context)
{
    protected override Vpc Prepare(Vpc desired, Vpc? existing)
    {
        var what = Validate.Describe(desired);
        Validate.Cidr(desired.Spec.Cidr, what + ": spec.cidr");
        Validate.Count(desired.Spec.Dividers, 0, 8, what + ": spec.dividers");
        var subnets = SubnetsOf(desired.Name);
        if (subnets.Count > 0)
        {
            Validate.Unchanged(desired, existing, $"while it has subnets ({Validate.List(subnets)}); delete them first");
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

    protected override Task<Vpc> ConvergeAsync(Vpc prepared, CancellationToken cancellationToken)
    {
        var dividers = RolePlacement.Place(prepared.Spec.Dividers, Context.ReadyNodes(), Context.RoleLoad(), prepared.Status.Dividers);
        var vpc = prepared with { Status = prepared.Status with { Dividers = dividers } };
        vpc = prepared.Spec.Dividers > 0 && dividers.Count == 0
            ? Context.WithReady(vpc, false, Reasons.NoReadyNodes, "no Ready node to place dividers on")
            : Context.WithReady(vpc, true, Reasons.Placed, $"VNI {vpc.Status.Vni}, dividers [{string.Join(", ", dividers)}]");
        Context.Store.Put(vpc);
        return Task.FromResult(vpc);
    }

    protected override void ValidateDelete(Vpc existing)
    {
        var subnets = SubnetsOf(existing.Name);
        if (subnets.Count > 0)
        {
            throw new ControlPlaneValidationException($"{Validate.Describe(existing)} cannot be deleted: it still has subnets ({Validate.List(subnets)})");
        }
    }

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
}
