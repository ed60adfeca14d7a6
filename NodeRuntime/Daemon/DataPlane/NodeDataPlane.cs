using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MizarNF.Bpf;
using MizarNF.Composer.Attach;
using MizarNF.Composer.Compilation;
using MizarNF.Composer.Node;
using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Plugins;
using MizarNF.Contracts;
using MizarNF.Contracts.Net;
using MizarNF.Netlink;
using MizarNF.NodeRuntime.Endpoints;
using MizarNF.NodeRuntime.Logging;

namespace MizarNF.NodeRuntime.DataPlane;

/// <summary>
/// The node's pipelines: composed from the plugins, loaded with the node's pins (so a restarted
/// daemon takes over the maps it left), the transit one attached to the main interface (an
/// attachment already there is replaced atomically, never removed first), and the functions'
/// control handlers bound to the shared maps.
/// </summary>
public sealed class NodeDataPlane : IDisposable
{
    private readonly NodeOptions _options;
    private readonly ILogger<NodeDataPlane> _log;

    /// <summary>Starts the data plane of the node.</summary>
    public NodeDataPlane(IOptions<NodeOptions> options, ILogger<NodeDataPlane> log)
    {
        _options = options.Value;
        _log = log;
        var plugins = _options.Plugins ?? PluginLocator.Default();
        Functions = PluginCatalog.LoadFrom(plugins);
        using (var rtnl = RtnetlinkClient.Open())
        {
            var link = rtnl.GetLink(_options.Underlay)
                ?? throw new InvalidOperationException($"underlay interface '{_options.Underlay}' not found in this network namespace");
            var address = rtnl.ListAddresses(_options.Underlay) is [var first, ..]
                ? first
                : throw new InvalidOperationException($"underlay interface '{_options.Underlay}' has no IPv4 address");
            Identity = new NodeIdentity(
                address.Address,
                MacAddress.FromBytes(link.Mac?.GetAddressBytes() ?? throw new InvalidOperationException($"underlay interface '{_options.Underlay}' has no MAC address")),
                link.Index,
                MacAddress.Parse(_options.GatewayMac));
            UnderlayMtu = link.Mtu;
        }

        Pins = new PinLayout(_options.PinRootOrDefault);
        var sizes = new Dictionary<string, uint>
        {
            ["ep_local"] = _options.MaxEndpoints,
            ["ep_agent"] = _options.MaxEndpoints,
            ["bn_eps"] = _options.MaxBouncedEndpoints,
        };
        foreach (var (name, size) in _options.MapSizes)
        {
            sizes[name] = size;
        }

        (TransitHook, TransitMode) = NodeOptions.ParseHook(_options.TransitHook);
        (AgentHook, AgentMode) = NodeOptions.ParseHook(_options.AgentHook);
        Transit = Load(AttachPoint.Transit, TransitHook, sizes);
        Agent = Load(AttachPoint.Agent, AgentHook, sizes);
        Tables = new NodeTables(Transit);
        Tables.SetSelf(Identity);
        Handlers = BindHandlers();
        TransitAttachment = AttachTransit();
        Log.DataPlaneReady(_log, _options.Node, Identity.Ip.ToString(), TransitAttachment.Mode, _options.AgentHook, string.Join(", ", Functions.Select(f => f.Name)));
    }

    /// <summary>The node's name.</summary>
    public string NodeName => _options.Node;

    /// <summary>The loaded functions.</summary>
    public IReadOnlyList<LoadedFunction> Functions { get; }

    /// <summary>Who the node is.</summary>
    public NodeIdentity Identity { get; }

    /// <summary>The main interface's MTU.</summary>
    public int UnderlayMtu { get; }

    /// <summary>Where the maps are pinned.</summary>
    public PinLayout Pins { get; }

    /// <summary>The transit pipeline.</summary>
    public LoadedPipeline Transit { get; }

    /// <summary>The agent pipeline (one program attached to every endpoint's veth).</summary>
    public LoadedPipeline Agent { get; }

    /// <summary>The transit pipeline's hook.</summary>
    public PipelineHook TransitHook { get; }

    /// <summary>XDP mode of the transit pipeline.</summary>
    public XdpMode TransitMode { get; }

    /// <summary>The agent's hook.</summary>
    public PipelineHook AgentHook { get; }

    /// <summary>XDP mode of the agent.</summary>
    public XdpMode AgentMode { get; }

    /// <summary>The transit attachment.</summary>
    public PipelineAttachment TransitAttachment { get; }

    /// <summary>The node tables (self, peers).</summary>
    public NodeTables Tables { get; }

    /// <summary>Control handlers by function name.</summary>
    public IReadOnlyDictionary<string, IControlHandler> Handlers { get; }

    /// <summary>True when anything on the node is XDP (then every pod end needs an XDP program to receive redirected frames).</summary>
    public bool NeedsPodXdp => AgentHook != PipelineHook.Tc || TransitHook != PipelineHook.Tc;

    /// <inheritdoc/>
    public void Dispose()
    {
        Transit.Dispose();
        Agent.Dispose();
    }

    private LoadedPipeline Load(AttachPoint ap, PipelineHook hook, IReadOnlyDictionary<string, uint> sizes)
    {
        var spec = new PipelineSpec(ap, hook, Functions, sizes);
        var compiled = new BpfCompiler().Compile(new PipelineRenderer().Render(spec));
        return PipelineLoader.Load(compiled, Pins);
    }

    private Dictionary<string, IControlHandler> BindHandlers()
    {
        var services = new ServiceCollection();
        foreach (var f in Functions)
        {
            f.Function.ConfigureServices(services);
        }

        var handlers = services.BuildServiceProvider().GetServices<IControlHandler>().ToDictionary(h => h.Function, StringComparer.Ordinal);
        foreach (var h in handlers.Values)
        {
            h.Bind(Transit);
        }

        return handlers;
    }

    /// <summary>Attaches transit, taking over (atomically) what a previous daemon left attached.</summary>
    private PipelineAttachment AttachTransit()
    {
        var ifindex = Identity.UnderlayIfindex;
        if (TransitHook == PipelineHook.Tc)
        {
            if (XdpAttachment.Query(ifindex) is { ProgramId: > 0 } stale)
            {
                XdpAttachment.Find(ifindex, stale.NativeProgramId > 0 ? XdpMode.Native : XdpMode.Generic)?.Detach();
            }

            return PipelineAttachment.Adopt(Transit, new AttachTarget(null, _options.Underlay), ifindex);
        }

        TcAttachment.Find(ifindex, TcAttachPoint.Ingress)?.Detach();
        return PipelineAttachment.Adopt(Transit, new AttachTarget(null, _options.Underlay, TransitMode), ifindex);
    }
}
