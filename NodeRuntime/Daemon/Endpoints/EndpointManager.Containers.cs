using System.Diagnostics;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>
/// The CNI side: an endpoint provisioned without a netns is parked (its pair in the node's
/// namespace, the agent attached, the maps programmed), and a container runtime's ADD hands it
/// over: one `ip` in the node's namespace moves and renames the pod end, one inside the
/// container's configures it. DEL detaches: the pair goes, the endpoint stays for the pod's next
/// sandbox. Every attachment is written to the state store before the interface moves, so a DEL
/// finds it after a crash half-way through an ADD.
/// </summary>
public sealed partial class EndpointManager
{
    /// <summary>Hands endpoint <paramref name="endpointId"/> over to a container, waiting up to <paramref name="wait"/> for the control plane to provision it.</summary>
    public async Task<EndpointRecord> AttachContainerAsync(ContainerAttach request, TimeSpan wait, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (TryAttach(request) is { } attached)
            {
                ContainerLog.Attached(_log, request.EndpointId, request.ContainerId, request.Ifname, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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

            DetachLocked(e);
            _store.Save(_endpoints.Values);
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
                DetachLocked(e);
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

    /// <summary>One try under the lock: the attachment, or null when the endpoint is not provisioned (and no fallback given).</summary>
    private EndpointRecord? TryAttach(ContainerAttach r)
    {
        _lock.Wait();
        try
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
                case EndpointMode.Parked when LinkIndex(e.HostIfname) is not null && LinkIndex(e.ParkedIfname) is not null:
                    return HandOver(e, r);
                case EndpointMode.Detached:
                    return CreateAttached(e, r);
                default:
                    // Its interface is gone (its last container died without a DEL, or the parked pair was removed): make it again in place.
                    DetachLocked(e);
                    return CreateAttached(_endpoints[e.Id], r);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Moves the parked pod end into the container (renamed to its ifname) and configures it there.</summary>
    private EndpointRecord HandOver(EndpointRecord parked, ContainerAttach r)
    {
        var attached = parked with { Mode = EndpointMode.Attached, ContainerId = r.ContainerId, Netns = r.Netns, Ifname = r.Ifname };
        _endpoints[attached.Id] = attached;
        _store.Save(_endpoints.Values); // before anything moves: a DEL after a crash from here on finds it
        try
        {
            IpCommand.Batch([$"link set dev {parked.ParkedIfname} netns {r.Netns} name {r.Ifname}"]);
            ConfigurePodEnd(attached);
            AttachPodPass(attached);
            return attached;
        }
        catch
        {
            DetachLocked(attached);
            _store.Save(_endpoints.Values);
            throw;
        }
    }

    /// <summary>Makes the pair with its pod end in the container (two processes), for an endpoint that has no interface.</summary>
    private EndpointRecord CreateAttached(EndpointRecord spec, ContainerAttach r)
    {
        var wanted = spec with { Mode = EndpointMode.Attached, ContainerId = r.ContainerId, Netns = r.Netns, Ifname = r.Ifname, HostIfname = HostName(spec.Id), HostIfindex = 0 };
        _endpoints[wanted.Id] = wanted;
        _store.Save(_endpoints.Values);
        try
        {
            var made = Create(wanted);
            _endpoints[made.Id] = made;
            _store.Save(_endpoints.Values);
            return made;
        }
        catch
        {
            _endpoints[wanted.Id] = Detached(wanted);
            _store.Save(_endpoints.Values);
            throw;
        }
    }

    /// <summary>Call with the lock held: takes the endpoint out of the maps, removes its pair, keeps it as detached.</summary>
    private void DetachLocked(EndpointRecord e)
    {
        if (e.Mode is EndpointMode.Detached)
        {
            return;
        }

        Unprogram(e);
        DeleteLink(e.HostIfname);
        _endpoints[e.Id] = Detached(e);
        ContainerLog.Detached(_log, e.Id, e.ContainerId ?? "-", e.Ifname);
    }

    /// <summary>A parked endpoint: the pair made in the node's namespace, its pod end under a temporary name, programmed and waiting for a container.</summary>
    private EndpointRecord Park(EndpointRecord w)
    {
        var host = HostName(w.Id);
        var mtu = PodMtu;
        var spare = w with { HostIfname = host };
        DeleteLink(host);
        IpCommand.Batch([
            $"link add name {host} mtu {mtu} type veth peer name {spare.ParkedIfname} mtu {mtu} address {w.Mac}",
            $"link set dev {host} up",
        ]);
        try
        {
            if (_dp.NeedsPodXdp)
            {
                // Offloads belong to the device and move with it into the container.
                IpCommand.Ethtool(null, "-K", spare.ParkedIfname, "tx", "off", "tso", "off", "gso", "off");
            }

            var ifindex = LinkIndex(host) ?? throw new IpCommandException($"{host} vanished");
            var made = spare with { HostIfindex = ifindex, Mtu = mtu, Mode = EndpointMode.Parked, Netns = string.Empty, ContainerId = null };
            Attach(made);
            Program(made);
            return made;
        }
        catch
        {
            DeleteLink(host);
            throw;
        }
    }

    private static EndpointRecord Detached(EndpointRecord e) =>
        e with { Mode = EndpointMode.Detached, ContainerId = null, Netns = string.Empty, HostIfname = string.Empty, HostIfindex = 0 };
}
