namespace MizarNF.Netlink;

/// <summary>
/// The node daemon's endpoint provisioning in one process, replacing two <c>ip -batch</c> runs and
/// an <c>ethtool</c> run: the pair made with its pod end in place, the host end up, then in the
/// pod's namespace its address, lo and the pod end up, the default route and, when asked, the
/// offloads off. All or nothing: a failure after the pair exists deletes it (the pod end with it).
/// </summary>
public static class PodLink
{
    /// <summary>Provisions the pod link with <paramref name="host"/> as the host's namespace; returns the host end's ifindex.</summary>
    public static int Create(RtnetlinkClient host, PodLinkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(spec);
        host.CreateVethPair(new VethPairSpec(spec.HostName, spec.PodName) { Mtu = spec.Mtu, PeerMac = spec.PodMac, PeerNetns = spec.PodNetns });
        try
        {
            host.SetUp(spec.HostName);
            using (var pod = RtnetlinkClient.Open(spec.PodNetns))
            {
                var index = pod.GetIndex(spec.PodName);
                pod.AddAddress(index, spec.PodIp, spec.PrefixLength);
                pod.SetUp("lo");
                pod.SetUp(spec.PodName);
                pod.AddRoute(new System.Net.IPNetwork(System.Net.IPAddress.Any, 0), spec.Gateway, index);
                if (spec.OffloadsOff)
                {
                    pod.SetOffloads(spec.PodName, Offloads.All, enabled: false);
                }
            }

            return host.GetIndex(spec.HostName);
        }
        catch (Exception failure)
        {
            try
            {
                host.DeleteLink(spec.HostName);
            }
            catch (Exception rollback)
            {
                throw new AggregateException($"provisioning pod link {spec.HostName} failed and so did removing it: {failure.Message}; {rollback.Message}", failure, rollback);
            }

            throw;
        }
    }

    /// <summary>Provisions the pod link with the calling thread's namespace as the host's.</summary>
    public static int Create(PodLinkSpec spec)
    {
        using var host = RtnetlinkClient.Open();
        return Create(host, spec);
    }

    /// <summary>Removes the pod link by its host end (the pod end goes with it); false when there was none.</summary>
    public static bool Delete(RtnetlinkClient host, string hostName)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.DeleteLink(hostName);
    }
}
