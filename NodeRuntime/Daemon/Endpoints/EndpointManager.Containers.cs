using System.Diagnostics;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>
/// The CNI side. An endpoint provisioned without a netns is parked: validated, its address held,
/// remembered (state store), its interface not made yet. A container runtime's ADD makes the veth
/// pair with its pod end directly in the container's namespace under CNI_IFNAME, configures it
/// there, attaches the agent and programs the maps, all in-process (MizarNF.Netlink: no ip or
/// ethtool process). The pair is made at ADD rather than made at provisioning and moved at ADD
/// because moving a link between namespaces costs the kernel an RCU grace period (about 20 ms
/// measured here, against about 1 ms to make the pair in place; NodeRuntime/Cni/README.md).
/// DEL detaches: the pair goes, the endpoint stays for the pod's next sandbox. A failed ADD
/// removes what it made; a crash half-way leaves a link no record owns, which the restarted
/// daemon's orphan sweep removes.
/// </summary>
public sealed partial class EndpointManager
{
    private readonly PhaseClock _phases = new();

    /// <summary>Hands endpoint <paramref name="endpointId"/> over to a container, waiting up to <paramref name="wait"/> for the control plane to provision it.</summary>
    public async Task<EndpointRecord> AttachContainerAsync(ContainerAttach request, TimeSpan wait, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (TryAttach(request) is var (attached, phases))
            {
                ContainerLog.Attached(_log, request.EndpointId, request.ContainerId, request.Ifname, Stopwatch.GetElapsedTime(started).TotalMilliseconds, phases);
                return attached;
            }

            if (Stopwatch.GetElapsedTime(started) >= wait)
            {
                throw new EndpointNotProvisionedException(
                    $"no endpoint '{request.EndpointId}' is provisioned on this node (waited {wait.TotalMilliseconds:0} ms for the control plane)");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancel).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the container's interface; false when no endpoint was attached to it.</summary>
    public bool DetachContainer(string containerId, string ifname)
    {
        _lock.Wait();
        try
        {
            var e = _endpoints.Values.FirstOrDefault(x => x.Mode is EndpointMode.Attached && x.ContainerId == containerId && (ifname.Length == 0 || x.Ifname == ifname));
            if (e is null)
            {
                return false;
            }

            _phases.Restart();
            DetachLocked(e);
            _store.Save(_endpoints.Values);
            _phases.Mark("store");
            ContainerLog.Detached(_log, e.Id, e.ContainerId ?? "-", e.Ifname, _phases.ToString());
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The endpoints handed over to containers.</summary>
    public IReadOnlyList<EndpointRecord> Attachments() => List().Where(e => e.Mode is EndpointMode.Attached).ToList();

    /// <summary>Detaches every attachment whose (container, ifname) is not in <paramref name="valid"/>; returns them.</summary>
    public IReadOnlyList<EndpointRecord> GarbageCollect(IReadOnlySet<(string ContainerId, string Ifname)> valid)
    {
        _lock.Wait();
        try
        {
            var stale = _endpoints.Values.Where(e => e.Mode is EndpointMode.Attached && !valid.Contains((e.ContainerId!, e.Ifname))).ToList();
            foreach (var e in stale)
            {
                _phases.Restart();
                DetachLocked(e);
                ContainerLog.Detached(_log, e.Id, e.ContainerId ?? "-", e.Ifname, "garbage-collected; " + _phases);
            }

            if (stale.Count > 0)
            {
                _store.Save(_endpoints.Values);
            }

            return stale;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>What differs between the container's interface and the endpoint attached to it (empty: nothing).</summary>
    public (EndpointRecord Attachment, IReadOnlyList<string> Differences) CheckContainer(string containerId, string ifname, string netns)
    {
        var e = Attachments().FirstOrDefault(x => x.ContainerId == containerId && x.Ifname == ifname)
            ?? throw new AttachmentNotFoundException($"no endpoint is attached to container {containerId} as {ifname}");
        return (e, ContainerCheck.Differences(e, netns, LinkIndex(e.HostIfname) is not null));
    }

    /// <summary>Null when the node can take another pod, else why not.</summary>
    public string? CannotTakePods()
    {
        var live = List().Count(e => e.Mode is not EndpointMode.Detached);
        return live >= _maxEndpoints ? $"the node holds {live} endpoints, its maximum" : null;
    }

    /// <summary>
    /// One try under the lock: the attachment and where its time went (read under the lock, before
    /// another call restarts the clock), or null when the endpoint is not provisioned (and no
    /// fallback given).
    /// </summary>
    private (EndpointRecord Record, string Phases)? TryAttach(ContainerAttach r)
    {
        _lock.Wait();
        _phases.Restart();
        try
        {
            return AttachLocked(r) is { } made ? (made, _phases.ToString()) : null;
        }
        finally
        {
            _lock.Release();
        }
    }

    private EndpointRecord? AttachLocked(ContainerAttach r)
    {
        {
            var mine = _endpoints.Values.FirstOrDefault(e => e.Mode is EndpointMode.Attached && e.ContainerId == r.ContainerId && e.Ifname == r.Ifname);
            if (mine is not null && mine.Id != r.EndpointId)
            {
                throw new EndpointConflictException($"container {r.ContainerId} has endpoint '{mine.Id}' as {r.Ifname} already, not '{r.EndpointId}'");
            }

            if (!_endpoints.TryGetValue(r.EndpointId, out var e))
            {
                if (r.Fallback is null)
                {
                    return null;
                }

                if (_endpoints.Values.FirstOrDefault(o => o.Vni == r.Fallback.Vni && o.Ip == r.Fallback.Ip) is { } clash)
                {
                    throw new EndpointConflictException($"{r.Fallback.Ip} in VNI {r.Fallback.Vni} is already endpoint '{clash.Id}'");
                }

                return CreateAttached(r.Fallback with { Id = r.EndpointId }, r);
            }

            switch (e.Mode)
            {
                case EndpointMode.InNetns:
                    throw new EndpointConflictException($"endpoint '{e.Id}' was provisioned into netns {e.Netns}, not for a container runtime");
                case EndpointMode.Attached when e.ContainerId == r.ContainerId && e.Ifname == r.Ifname && e.Netns == r.Netns && LinkIndex(e.HostIfname) is not null:
                    return e; // a repeated ADD
                case EndpointMode.Attached when e.ContainerId != r.ContainerId && File.Exists(e.Netns) && LinkIndex(e.HostIfname) is not null:
                    throw new EndpointConflictException($"endpoint '{e.Id}' is attached to container {e.ContainerId}, which still runs");
                case EndpointMode.Parked or EndpointMode.Detached:
                    return CreateAttached(e, r);
                default:
                    // Its interface is gone (its last container died without a DEL): make it again in place.
                    DetachLocked(e);
                    return CreateAttached(_endpoints[e.Id], r);
            }
        }
    }

    /// <summary>Makes the pair with its pod end in the container (in-process), for an endpoint that has no interface.</summary>
    private EndpointRecord CreateAttached(EndpointRecord spec, ContainerAttach r)
    {
        var wanted = spec with { Mode = EndpointMode.Attached, ContainerId = r.ContainerId, Netns = r.Netns, Ifname = r.Ifname, HostIfname = HostName(spec.Id), HostIfindex = 0 };
        var made = Create(wanted); // all or nothing
        _endpoints[made.Id] = made;
        _store.Save(_endpoints.Values);
        _phases.Mark("store");
        return made;
    }

    /// <summary>Call with the lock held: takes the endpoint out of the maps, removes its pair, keeps it as detached.</summary>
    private void DetachLocked(EndpointRecord e)
    {
        if (e.Mode is EndpointMode.Detached or EndpointMode.Parked)
        {
            return;
        }

        Unprogram(e);
        _phases.Mark("maps");
        if (e.HostIfname.Length > 0)
        {
            _host.DeleteLink(e.HostIfname); // the pod end goes with it
        }

        _phases.Mark("link");

        _endpoints[e.Id] = Detached(e);
    }

    /// <summary>A parked endpoint: remembered with its host-side name chosen, nothing made yet.</summary>
    private EndpointRecord Park(EndpointRecord w) =>
        w with { HostIfname = HostName(w.Id), HostIfindex = 0, Mtu = PodMtu, Mode = EndpointMode.Parked, Netns = string.Empty, ContainerId = null };

    private static EndpointRecord Detached(EndpointRecord e) =>
        e with { Mode = EndpointMode.Detached, ContainerId = null, Netns = string.Empty, HostIfname = string.Empty, HostIfindex = 0 };
}
