using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MizarNF.Composer.Attach;
using MizarNF.Composer.Compilation;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.NodeRuntime.DataPlane;
using MizarNF.Netlink;
using MizarNF.NodeRuntime.Logging;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>
/// Makes and removes endpoints: a veth pair per endpoint, the pod end configured inside the pod's
/// namespace, the agent attached to the node end, and the Endpoint function told about it (with
/// its subnet's bouncers and its VPC's dividers) — everything one ProvisionEndpoint call needs.
/// What it made is written to the state store, so a restarted daemon adopts it. An endpoint
/// provisioned without a netns is parked for the CNI plugin (EndpointManager.Containers.cs).
/// </summary>
public sealed partial class EndpointManager : IDisposable
{
    private const string EndpointFunction = "Endpoint";
    private readonly NodeDataPlane _dp;
    private readonly StateStore _store;
    private readonly ILogger<EndpointManager> _log;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, EndpointRecord> _endpoints;
    private readonly Lazy<LoadedPipeline> _podPass;
    private readonly uint _maxEndpoints;

    // rtnetlink in the daemon's namespace, for every link of every endpoint (calls are serialised).
    private readonly RtnetlinkClient _host = RtnetlinkClient.Open();

    /// <summary>Restores what the node had and removes what nobody wants any more.</summary>
    public EndpointManager(NodeDataPlane dataPlane, IOptions<NodeOptions> options, ILogger<EndpointManager> log)
    {
        _dp = dataPlane;
        _log = log;
        _store = new StateStore(options.Value.StateDirOrDefault);
        _maxEndpoints = options.Value.MaxEndpoints;
        _endpoints = _store.Load().ToDictionary(e => e.Id, StringComparer.Ordinal);
        // An empty frags-aware pipeline: passes everything, lets XDP frames reach the pod end.
        _podPass = new(() => PipelineLoader.Load(new BpfCompiler().Compile(new PipelineRenderer().Render(new PipelineSpec(AttachPoint.Agent, PipelineHook.XdpFrags, [])))));
        Restore();
    }

    /// <summary>The endpoints of this node.</summary>
    public IReadOnlyList<EndpointRecord> List()
    {
        _lock.Wait();
        try
        {
            return _endpoints.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>One endpoint, or null.</summary>
    public EndpointRecord? Get(string id) => List().FirstOrDefault(e => e.Id == id);

    /// <summary>The pod MTU: the underlay's minus the Geneve overhead.</summary>
    public int PodMtu => _dp.UnderlayMtu - 50;

    /// <summary>Creates the endpoint, or returns it when it exists with the same spec.</summary>
    public EndpointRecord Provision(EndpointRecord wanted)
    {
        _lock.Wait();
        try
        {
            if (_endpoints.TryGetValue(wanted.Id, out var existing))
            {
                if (!existing.SameSpec(wanted))
                {
                    throw new EndpointConflictException($"endpoint '{wanted.Id}' exists with another spec ({existing.Ip} in VNI {existing.Vni}); delete it first");
                }

                if (existing.Mode is EndpointMode.Parked || (existing.HasLink && LinkIndex(existing.HostIfname) is not null))
                {
                    return existing;
                }

                // Its interface vanished (or its container went): make it again, parked when it is the CNI's.
                _endpoints.Remove(existing.Id);
                if (existing.HasLink)
                {
                    Unprogram(existing);
                }
            }

            var clash = _endpoints.Values.FirstOrDefault(e => e.Vni == wanted.Vni && e.Ip == wanted.Ip && e.Id != wanted.Id);
            if (clash is not null)
            {
                throw new EndpointConflictException($"{wanted.Ip} in VNI {wanted.Vni} is already endpoint '{clash.Id}'");
            }

            var sw = Stopwatch.StartNew();
            _phases.Restart();
            var made = wanted.Mode is EndpointMode.Parked ? Park(wanted) : Create(wanted with { HostIfname = HostName(wanted.Id) });
            _endpoints[made.Id] = made;
            _store.Save(_endpoints.Values);
            _phases.Mark("store");
            Log.EndpointProvisioned(_log, made.Id, made.Ip, made.Vni, made.HostIfname, sw.Elapsed.TotalMilliseconds, _phases.ToString());
            return made;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Removes the endpoint; false when there was none.</summary>
    public bool Delete(string id)
    {
        _lock.Wait();
        try
        {
            if (!_endpoints.Remove(id, out var e))
            {
                return false;
            }

            if (e.HasLink)
            {
                Unprogram(e);
                DeleteLink(e.HostIfname);
            }

            _store.Save(_endpoints.Values);
            Log.EndpointDeleted(_log, id);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_podPass.IsValueCreated)
        {
            _podPass.Value.Dispose();
        }

        _lock.Dispose();
        _host.Dispose();
    }

    /// <summary>
    /// The pair made with its pod end already in the pod's namespace (or the container's) under its
    /// final name and configured from there, in process (rtnetlink); the agent attached and the
    /// maps programmed. All or nothing: a failure midway removes the pair.
    /// </summary>
    private EndpointRecord Create(EndpointRecord w)
    {
        _host.DeleteLink(w.HostIfname); // a leftover of a half-made attempt
        // XDP on the path (the agent, or the underlay ports when transit is XDP) sees frames before
        // the kernel finishes them: no partial checksums and no 64 KB GSO frames may leave the pod,
        // so those offloads go off then. With tc everywhere they stay on.
        var spec = new PodLinkSpec(w.HostIfname, w.Ifname, w.Netns, PodMtu, PhysicalAddress.Parse(w.Mac), IPAddress.Parse(w.Ip), w.PrefixLength, IPAddress.Parse(w.Gateway))
        {
            OffloadsOff = _dp.NeedsPodXdp,
        };
        var made = w with { HostIfindex = PodLink.Create(_host, spec), Mtu = PodMtu };
        _phases.Mark("link");
        try
        {
            Attach(made);
            _phases.Mark("agent");
            Program(made);
            _phases.Mark("maps");
            return made;
        }
        catch
        {
            _host.DeleteLink(w.HostIfname);
            throw;
        }
    }

    private void Attach(EndpointRecord e)
    {
        PipelineAttachment.Adopt(_dp.Agent, new AttachTarget(null, e.HostIfname, _dp.AgentMode), e.HostIfindex);
        AttachPodPass(e);
    }

    private void AttachPodPass(EndpointRecord e)
    {
        if (_dp.NeedsPodXdp)
        {
            // Frames sent by XDP into a veth arrive only when the peer has an XDP program too.
            PipelineAttachment.Adopt(_podPass.Value, new AttachTarget(e.Netns, e.Ifname, Bpf.XdpMode.Native));
        }
    }

    /// <summary>
    /// Tells the Endpoint function about the endpoint, its subnet's bouncers and its VPC's
    /// dividers. After a restart (<paramref name="onlyMissing"/>) the lists are written only where
    /// the pinned maps lack them: the control plane may have sent newer ones since provisioning.
    /// </summary>
    private void Program(EndpointRecord e, bool onlyMissing = false)
    {
        var h = _dp.Handlers[EndpointFunction];
        h.Apply(new ControlRequest(ControlOperation.Upsert, "endpoint", ControlJson.Write(new[] { new { vni = e.Vni, ip = e.Ip, mac = e.Mac, ifindex = e.HostIfindex, gateway = e.Gateway } })));
        if (!onlyMissing || !_dp.Transit.Map<EpKey, NodeSet>("ep_subnet").TryLookup(new EpKey(e.Vni, System.Net.IPAddress.Parse(e.Gateway)), out _))
        {
            h.Apply(new ControlRequest(ControlOperation.Upsert, "subnet", ControlJson.Write(new[] { new { vni = e.Vni, gateway = e.Gateway, bouncers = e.SubnetBouncers } })));
        }

        if (e.VpcDividers.Count > 0 && (!onlyMissing || !_dp.Transit.Map<uint, NodeSet>("ep_vpc").TryLookup(e.Vni, out _)))
        {
            h.Apply(new ControlRequest(ControlOperation.Upsert, "vpc", ControlJson.Write(new[] { new { vni = e.Vni, dividers = e.VpcDividers } })));
        }
    }

    /// <summary>
    /// Removes the endpoint from the maps, and its subnet when no other endpoint here needs it.
    /// The VPC's dividers stay: the control plane owns that list, and this node may need it as a
    /// bouncer of the VPC even without endpoints of its own.
    /// </summary>
    private void Unprogram(EndpointRecord e)
    {
        var h = _dp.Handlers[EndpointFunction];
        h.Apply(new ControlRequest(ControlOperation.Remove, "endpoint", ControlJson.Write(new[] { new { vni = e.Vni, ip = e.Ip, mac = e.Mac, ifindex = e.HostIfindex, gateway = e.Gateway } })));
        if (!_endpoints.Values.Any(o => o.Id != e.Id && o.HasLink && o.Vni == e.Vni && o.Gateway == e.Gateway))
        {
            h.Apply(new ControlRequest(ControlOperation.Remove, "subnet", ControlJson.Write(new[] { new { vni = e.Vni, gateway = e.Gateway, bouncers = Array.Empty<string>() } })));
        }
    }

    /// <summary>After a restart: adopt every endpoint whose interface still exists, forget the rest, remove orphans.</summary>
    private void Restore()
    {
        foreach (var e in _endpoints.Values.ToList())
        {
            if (!e.HasLink)
            {
                continue;
            }

            var ifindex = LinkIndex(e.HostIfname);
            if (ifindex is null)
            {
                Log.EndpointLost(_log, e.Id, e.HostIfname);
                Unprogram(e);
                if (e.ForCni)
                {
                    // The CNI's endpoint stays the control plane's: its next ADD (or provisioning) makes it again.
                    _endpoints[e.Id] = Detached(e);
                }
                else
                {
                    _endpoints.Remove(e.Id);
                }

                continue;
            }

            var adopted = e with { HostIfindex = ifindex.Value };
            _endpoints[e.Id] = adopted;
            Attach(adopted);
            Program(adopted, onlyMissing: true);
            Log.EndpointAdopted(_log, e.Id, e.HostIfname);
        }

        var owned = _endpoints.Values.Where(e => e.HasLink).Select(e => e.HostIfname).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _host.ListLinks().Where(l => l.Kind == "veth").Select(l => l.Name))
        {
            if (name.StartsWith("mnf", StringComparison.Ordinal) && name.Length == 13 && !owned.Contains(name))
            {
                DeleteLink(name);
                Log.OrphanRemoved(_log, name);
            }
        }

        _store.Save(_endpoints.Values);
    }

    /// <summary>The interface's index in the daemon's namespace (if_nametoindex: no process), or null.</summary>
    private static int? LinkIndex(string name)
    {
        try
        {
            return Bpf.NetworkNamespace.InterfaceIndex(name);
        }
        catch (Bpf.BpfException)
        {
            return null;
        }
    }

    private void DeleteLink(string name) => _host.DeleteLink(name);

    private static string HostName(string id) => "mnf" + Hash(id);

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..10];
}
