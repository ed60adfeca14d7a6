using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Placement;
using MizarNF.NodeApi.V1;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>
/// Services: validated whole, a ClusterIP allocated (or the fixed one checked) and owners placed
/// on the least-loaded Ready nodes, both stored before any call; then each owner learns the
/// service's entries (ScaledEndpoint "service", every ready backend) and each divider of the VPC
/// learns the ClusterIP as a /32 leading to the owners. Nothing else: a service costs owners +
/// dividers calls, whatever the number of nodes and endpoints. A backend that comes or goes costs
/// one call per owner (<see cref="FollowAsync"/>), and so does a change of the spec's ports,
/// selector or explicit backends once the dividers hold the /32.
/// </summary>
internal sealed class ServiceReconciler(ReconcileContext context) : KindReconciler<Service>(context)
{
    /// <summary>
    /// Brings the services that select <paramref name="endpoint"/> (or had it as a backend) up to
    /// date after it changed: each whose ready backends changed is re-sent to its owners, and only
    /// to them. With <paramref name="leaving"/> the endpoint is left out (it is being deleted).
    /// A service that is not converged is converged whole instead.
    /// </summary>
    public async Task FollowAsync(Endpoint endpoint, bool leaving, CancellationToken cancellationToken)
    {
        var affected = Context.Store.List<Service>()
            .Where(s => s.Spec.Vpc == endpoint.Spec.Vpc && s.Metadata.DeletionTimestamp is null)
            .Where(s => ServiceBackends.Selects(s, endpoint) || s.Status.Backends.Any(b => b.Endpoint == endpoint.Name))
            .ToList();
        if (affected.Count == 0)
        {
            return;
        }

        var endpoints = Context.Store.List<Endpoint>();
        foreach (var service in affected)
        {
            var backends = ServiceBackends.Resolve(service, endpoints, leaving ? endpoint.Name : null);
            if (service.IsConverged && backends.SequenceEqual(service.Status.Backends))
            {
                continue;
            }

            var vpc = Context.Store.Get<Vpc>(service.Spec.Vpc);
            if (!service.IsConverged || vpc?.Status.Vni is not { } vni)
            {
                await RetryAsync(service, cancellationToken);
                continue;
            }

            var updated = service with { Status = service.Status with { Backends = backends } };
            var entries = FunctionRequests.ScaledEndpointServices(Operation.Upsert, ServiceBackends.Entries(updated, vni, backends));
            var failures = await Context.CallAsync(updated.Status.Owners.Select(o => Upsert(o, updated, entries)), cancellationToken);
            Store(Outcome(updated, failures));
        }
    }

    protected override Service Prepare(Service desired, Service? existing)
    {
        var vpc = ServiceValidation.Check(Context.Store, desired, existing);
        var clusterIp = ServiceValidation.ClusterIp(Context.Store, vpc, desired, existing);
        return desired with { Status = desired.Status with { ClusterIp = clusterIp.ToString() } };
    }

    protected override async Task<Service> ConvergeAsync(Service prepared, CancellationToken cancellationToken)
    {
        var vpc = Context.Store.Get<Vpc>(prepared.Spec.Vpc)!;
        if (!vpc.IsReady || vpc.Status.Vni is not { } vni)
        {
            return Store(Context.WithReady(prepared, false, Reasons.VpcNotReady, $"VPC '{vpc.Name}' is not Ready"));
        }

        var service = prepared;
        var before = service.Status.Owners;
        // Placed once and kept while the count holds (an owner that is briefly unreachable is not
        // moved); a changed count, or fewer owners than wanted, places again, keeping those it can.
        var owners = before.Count == service.Spec.Owners
            ? before
            : RolePlacement.Place(service.Spec.Owners, Context.ReadyNodes(), Context.RoleLoad(), before);
        if (owners.Count == 0)
        {
            return Store(Context.WithReady(service, false, Reasons.NoReadyNodes, "no Ready node to place owners on"));
        }

        // The dividers hold the /32 when the last convergence finished (a divider handover since
        // then moved it along) and the owners stay: a spec change of ports or backends is then the owners' business alone.
        var routed = service.IsReady && owners.SequenceEqual(before, StringComparer.Ordinal);

        // The ClusterIP and the owners are stored before any call: a crash cannot allocate or place twice.
        var dropped = before.Except(owners, StringComparer.Ordinal).ToList();
        var programmed = service.Status.ProgrammedPorts.Union(ServiceBackends.PortKeys(service), StringComparer.Ordinal).ToList();
        service = Store(Context.WithReady(
            service with { Status = service.Status with { Owners = owners, ProgrammedPorts = programmed } },
            false,
            Reasons.Programming,
            $"ClusterIP {service.Status.ClusterIp}, owners [{string.Join(", ", owners)}]: programming them"));

        var backends = ServiceBackends.Resolve(service, Context.Store.List<Endpoint>());
        service = service with { Status = service.Status with { Backends = backends } };
        var entries = FunctionRequests.ScaledEndpointServices(Operation.Upsert, ServiceBackends.Entries(service, vni, backends));
        var stale = service.Status.ProgrammedPorts.Except(ServiceBackends.PortKeys(service), StringComparer.Ordinal).ToList();
        var route = FunctionRequests.DividerSubnet(Operation.Upsert, vni, ServiceBackends.Route(service.Status.ClusterIp!), Context.Addresses(owners));
        var failures = await Context.CallAsync(
            [
                .. owners.Select(o => Upsert(o, service, entries, stale.Count > 0 ? ServiceBackends.Keys(vni, service.Status.ClusterIp!, stale) : null)),
                .. (routed ? [] : vpc.Status.Dividers).Select(d => new NodeCall(d, $"Divider route {service.Status.ClusterIp}/32", (api, ct) => api.ProgramFunctionAsync(route, ct))),
                .. dropped.Select(o => Remove(o, service, vni, service.Status.ProgrammedPorts)),
            ],
            cancellationToken);
        if (failures.Count == 0)
        {
            service = service with { Status = service.Status with { ProgrammedPorts = ServiceBackends.PortKeys(service) } };
        }

        return Store(Outcome(service, failures));
    }

    protected override void ValidateDelete(Service existing)
    {
    }

    /// <summary>Each owner forgets the service's entries; each divider (and retiring divider) of the VPC its /32.</summary>
    protected override async Task<IReadOnlyList<NodeCallFailure>> UnprogramAsync(Service existing, CancellationToken cancellationToken)
    {
        var vpc = Context.Store.Get<Vpc>(existing.Spec.Vpc);
        if (vpc?.Status.Vni is not { } vni || existing.Status.Owners.Count == 0 || existing.Status.ClusterIp is not { } clusterIp)
        {
            return NoFailures; // never reached a node
        }

        var ports = existing.Status.ProgrammedPorts.Union(ServiceBackends.PortKeys(existing), StringComparer.Ordinal).ToList();
        var route = FunctionRequests.DividerSubnet(Operation.Remove, vni, ServiceBackends.Route(clusterIp), Context.Addresses(existing.Status.Owners));
        return await Context.CallAsync(
            [
                .. existing.Status.Owners.Select(o => Remove(o, existing, vni, ports)),
                .. vpc.Status.Dividers.Union(vpc.Status.RetiringDividers, StringComparer.Ordinal)
                    .Select(d => new NodeCall(d, $"Divider remove route {clusterIp}/32", (api, ct) => api.ProgramFunctionAsync(route, ct))),
            ],
            cancellationToken);
    }

    private async Task RetryAsync(Service service, CancellationToken cancellationToken)
    {
        Service prepared;
        try
        {
            prepared = Prepare(service, service);
        }
        catch (ControlPlaneValidationException e)
        {
            Store(Context.WithReady(service, false, Reasons.Invalid, e.Message));
            return;
        }

        await ConvergeAsync(prepared, cancellationToken);
    }

    private static NodeCall Upsert(string owner, Service service, ProgramFunctionRequest entries, IReadOnlyList<ServiceKey>? stale = null) =>
        new(owner, $"ScaledEndpoint service {service.Status.ClusterIp}", async (api, ct) =>
        {
            await api.ProgramFunctionAsync(entries, ct);
            if (stale is not null)
            {
                await api.ProgramFunctionAsync(FunctionRequests.ScaledEndpointRemove(stale), ct); // ports the spec no longer has
            }
        });

    private static NodeCall Remove(string owner, Service service, uint vni, IEnumerable<string> ports)
    {
        var request = FunctionRequests.ScaledEndpointRemove(ServiceBackends.Keys(vni, service.Status.ClusterIp!, ports));
        return new NodeCall(owner, $"ScaledEndpoint remove service {service.Status.ClusterIp}", (api, ct) => api.ProgramFunctionAsync(request, ct));
    }

    /// <summary>Ready (all calls made) with a message counting backends, and a BackendsAvailable condition.</summary>
    private Service Outcome(Service service, IReadOnlyList<NodeCallFailure> failures)
    {
        var backends = service.Status.Backends;
        var pending = ServiceBackends.Pending(service, backends);
        var message = $"ClusterIP {service.Status.ClusterIp}, owners [{string.Join(", ", service.Status.Owners)}], {backends.Count} ready backends"
            + (pending > 0 ? $", {pending} listed not ready or unknown" : string.Empty);
        var result = Context.WithOutcome(service, failures, Reasons.Programmed, message);
        var available = Objects.Conditions.Set(
            result.Status.Conditions,
            ServiceConditions.BackendsAvailable,
            backends.Count > 0,
            backends.Count > 0 ? Reasons.Programmed : ServiceConditions.NoReadyBackends,
            backends.Count > 0 ? $"{backends.Count} ready backends" : "no ready endpoint matches: connections to the ClusterIP are refused",
            Context.Now);
        return result with { Status = result.Status with { Conditions = available } };
    }

    private Service Store(Service service)
    {
        Context.Store.Put(service);
        return service;
    }
}
