using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using MizarNF.Netlink;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>
/// The CNI side: an endpoint provisioned without a netns is parked (its pair in the node's
/// namespace, the agent attached, the maps programmed), and a container runtime's ADD hands it
/// over: the pod end is moved into the container's namespace and renamed in one rtnetlink
/// request, then configured there, all in-process (MizarNF.Netlink: no ip or ethtool processes on
/// this path). DEL detaches: the pair goes, the endpoint stays for the pod's next
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
            using (var host = RtnetlinkClient.Open())
            {
                host.MoveToNetns(parked.ParkedIfname, r.Netns, r.Ifname);
            }

            using (var pod = RtnetlinkClient.Open(r.Netns))
            {
                var index = pod.GetIndex(r.Ifname);
                pod.AddAddress(index, IPAddress.Parse(attached.Ip), attached.PrefixLength);
                pod.SetUp("lo");
                pod.SetUp(r.Ifname);
                pod.AddRoute(new IPNetwork(IPAddress.Any, 0), IPAddress.Parse(attached.Gateway), index);
            }

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

    /// <summary>Makes the pair with its pod end in the container (in-process), for an endpoint that has no interface.</summary>
    private EndpointRecord CreateAttached(EndpointRecord spec, ContainerAttach r)
    {
        var wanted = spec with { Mode = EndpointMode.Attached, ContainerId = r.ContainerId, Netns = r.Netns, Ifname = r.Ifname, HostIfname = HostName(spec.Id), HostIfindex = 0 };
        _endpoints[wanted.Id] = wanted;
        _store.Save(_endpoints.Values);
        try
        {
            var made = CreateInContainer(wanted);
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
        if (e.HostIfname.Length > 0)
        {
            using var host = RtnetlinkClient.Open();
            host.DeleteLink(e.HostIfname); // the pod end goes with it
        }

        _endpoints[e.Id] = Detached(e);
        ContainerLog.Detached(_log, e.Id, e.ContainerId ?? "-", e.Ifname);
    }

    /// <summary>A parked endpoint: the pair made in the node's namespace, its pod end under a temporary name, programmed and waiting for a container.</summary>
    private EndpointRecord Park(EndpointRecord w)
    {
        var host = HostName(w.Id);
        var mtu = PodMtu;
        var spare = w with { HostIfname = host };
        using var rtnl = RtnetlinkClient.Open();
        rtnl.DeleteLink(host); // a leftover of a half-made attempt
        rtnl.CreateVethPair(new VethPairSpec(host, spare.ParkedIfname) { Mtu = mtu, PeerMac = PhysicalAddress.Parse(w.Mac) });
        try
        {
            rtnl.SetUp(host);
            if (_dp.NeedsPodXdp)
            {
                // Offloads belong to the device and move with it into the container.
                rtnl.SetOffloads(spare.ParkedIfname, Offloads.All, enabled: false);
            }

            var ifindex = rtnl.GetIndex(host);
            var made = spare with { HostIfindex = ifindex, Mtu = mtu, Mode = EndpointMode.Parked, Netns = string.Empty, ContainerId = null };
            Attach(made);
            Program(made);
            return made;
        }
        catch
        {
            rtnl.DeleteLink(host);
            throw;
        }
    }

    /// <summary>The pair made with its pod end in the container and configured there, the agent attached, the maps programmed.</summary>
    private EndpointRecord CreateInContainer(EndpointRecord w)
    {
        using var rtnl = RtnetlinkClient.Open();
        rtnl.DeleteLink(w.HostIfname);
        var spec = new PodLinkSpec(w.HostIfname, w.Ifname, w.Netns, PodMtu, PhysicalAddress.Parse(w.Mac), IPAddress.Parse(w.Ip), w.PrefixLength, IPAddress.Parse(w.Gateway))
        {
            OffloadsOff = _dp.NeedsPodXdp,
        };
        var made = w with { HostIfindex = PodLink.Create(rtnl, spec), Mtu = PodMtu };
        try
        {
            Attach(made);
            Program(made);
            return made;
        }
        catch
        {
            rtnl.DeleteLink(w.HostIfname);
            throw;
        }
    }

    private static EndpointRecord Detached(EndpointRecord e) =>
        e with { Mode = EndpointMode.Detached, ContainerId = null, Netns = string.Empty, HostIfname = string.Empty, HostIfindex = 0 };
}
