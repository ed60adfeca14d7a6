using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.DependencyInjection;
using MizarNF.Composer.Node;
using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Plugins;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Net;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.TestKit.DataPlane;

/// <summary>
/// A small MizarNF network in packets, for the data plane's tests and benchmarks: five nodes,
/// two VPCs with the same CIDR, two subnets in VPC 100 with a bouncer each, one divider.
/// <see cref="Build"/> loads one node's pipeline and programs it the way the control plane
/// would, through the functions' control handlers (JSON requests: no compile-time reference
/// to any function).
/// </summary>
public sealed class DataPlaneWorld
{
    /// <summary>VPC 100 and VPC 200 share 10.1.0.0/24.</summary>
    public const uint Vpc1 = 100;

    /// <summary>The second VPC.</summary>
    public const uint Vpc2 = 200;

    /// <summary>The MAC every node answers for subnet gateways.</summary>
    public static readonly PhysicalAddress GatewayMac = PhysicalAddress.Parse("02-00-00-00-00-01");

    /// <summary>Subnet 1 of VPC 100 (and the same CIDR in VPC 200).</summary>
    public static readonly Ipv4Prefix Subnet1 = Ipv4Prefix.Parse("10.1.0.0/24");

    /// <summary>Subnet 2 of VPC 100.</summary>
    public static readonly Ipv4Prefix Subnet2 = Ipv4Prefix.Parse("10.2.0.0/24");

    private readonly IReadOnlyList<LoadedFunction> _functions;

    /// <summary>Uses the functions in <paramref name="pluginsDirectory"/> (default: <see cref="PluginLocator.Default"/>).</summary>
    public DataPlaneWorld(string? pluginsDirectory = null)
    {
        _functions = PluginCatalog.LoadFrom(pluginsDirectory ?? PluginLocator.Default());
    }

    /// <summary>The endpoints.</summary>
    public static IReadOnlyList<WorldEndpoint> Endpoints { get; } =
    [
        new("a1", Vpc1, IPAddress.Parse("10.1.0.10"), PhysicalAddress.Parse("02-AA-00-00-00-10"), NodeRole.A, 1, IPAddress.Parse("10.1.0.1")),
        new("a2", Vpc2, IPAddress.Parse("10.1.0.20"), PhysicalAddress.Parse("02-AA-00-00-02-20"), NodeRole.A, 2, IPAddress.Parse("10.1.0.1")),
        new("c1", Vpc1, IPAddress.Parse("10.1.0.20"), PhysicalAddress.Parse("02-CC-00-00-00-20"), NodeRole.C, 1, IPAddress.Parse("10.1.0.1")),
        new("c2", Vpc1, IPAddress.Parse("10.2.0.30"), PhysicalAddress.Parse("02-CC-00-00-00-30"), NodeRole.C, 3, IPAddress.Parse("10.2.0.1")),
    ];

    /// <summary>An endpoint by name.</summary>
    public static WorldEndpoint Endpoint(string name) => Endpoints.First(e => e.Name == name);

    /// <summary>A node's underlay address: 192.168.10.1 for A, .2 for B, ….</summary>
    public static IPAddress NodeIp(NodeRole node) => IPAddress.Parse($"192.168.10.{(int)node + 1}");

    /// <summary>A node's underlay MAC.</summary>
    public static PhysicalAddress NodeMac(NodeRole node) => PhysicalAddress.Parse($"02-00-00-0A-00-{(int)node + 1:X2}");

    /// <summary>The node's main interface index in its pipelines' view.</summary>
    public const int UnderlayIfindex = 7;

    /// <summary>Builds <paramref name="node"/>'s pipeline for one attach point and hook, programmed.</summary>
    public PipelineHarness Build(NodeRole node, AttachPoint attachPoint, PipelineHook hook)
    {
        var harness = PipelineHarness.Build(attachPoint, hook, _functions);
        try
        {
            Program(node, harness.Pipeline);
            return harness;
        }
        catch
        {
            harness.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds both pipelines of <paramref name="node"/> sharing their maps through pins in a bpffs
    /// directory of their own, as on a real node: what transit learns, the agent reads.
    /// </summary>
    public NodeHarness BuildNode(NodeRole node, PipelineHook hook)
    {
        var root = Path.Combine("/sys/fs/bpf", $"mnf-test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var pins = new PinLayout(root);
        PipelineHarness? transit = null;
        try
        {
            transit = PipelineHarness.Build(AttachPoint.Transit, hook, _functions, pins: pins);
            var agent = PipelineHarness.Build(AttachPoint.Agent, hook, _functions, pins: pins);
            Program(node, transit.Pipeline);
            return new NodeHarness(agent, transit, root);
        }
        catch
        {
            transit?.Dispose();
            NodeHarness.RemovePins(root);
            throw;
        }
    }

    /// <summary>The control handlers of the world's functions, bound to <paramref name="maps"/>.</summary>
    public IReadOnlyDictionary<string, IControlHandler> Handlers(IMapProvider maps)
    {
        var services = new ServiceCollection();
        foreach (var f in _functions)
        {
            f.Function.ConfigureServices(services);
        }

        var handlers = services.BuildServiceProvider().GetServices<IControlHandler>().ToDictionary(h => h.Function);
        foreach (var h in handlers.Values)
        {
            h.Bind(maps);
        }

        return handlers;
    }

    /// <summary>Programs what <paramref name="node"/> is told by the control plane.</summary>
    public void Program(NodeRole node, IMapProvider maps)
    {
        var tables = new NodeTables(maps);
        tables.SetSelf(new NodeIdentity(NodeIp(node), Mac(NodeMac(node)), UnderlayIfindex, Mac(GatewayMac)));
        tables.ReplacePeers(Enum.GetValues<NodeRole>().Select(n => (NodeIp(n), Mac(NodeMac(n)))));
        var h = Handlers(maps);
        var local = Endpoints.Where(e => e.Host == node).ToList();
        if (local.Count > 0)
        {
            Apply(h["Endpoint"], "endpoint", local.Select(e => new { vni = e.Vni, ip = e.Ip.ToString(), mac = Mac(e.Mac).ToString(), ifindex = e.Ifindex, gateway = e.Gateway.ToString() }));
            Apply(h["Endpoint"], "subnet", local.Select(e => (e.Vni, e.Gateway.ToString())).Distinct()
                .Select(s => new { vni = s.Vni, gateway = s.Item2, bouncers = new[] { NodeIp(s.Item2 == "10.2.0.1" ? NodeRole.E : NodeRole.B).ToString() } }));
        }

        // Every node knows VPC 100's divider (where traffic for departed endpoints goes).
        Apply(h["Endpoint"], "vpc", new[] { new { vni = Vpc1, dividers = new[] { NodeIp(NodeRole.D).ToString() } } });
        switch (node)
        {
            case NodeRole.B:
                Apply(h["Bouncer"], "subnet", new[] { new { vni = Vpc1, cidr = Subnet1.ToString() }, new { vni = Vpc2, cidr = Subnet1.ToString() } });
                Apply(h["Bouncer"], "endpoint", Endpoints.Where(e => Subnet1.Contains(e.Ip))
                    .Select(e => new { vni = e.Vni, ip = e.Ip.ToString(), host = NodeIp(e.Host).ToString(), mac = Mac(e.Mac).ToString() }));
                break;
            case NodeRole.E:
                Apply(h["Bouncer"], "subnet", new[] { new { vni = Vpc1, cidr = Subnet2.ToString() } });
                Apply(h["Bouncer"], "endpoint", Endpoints.Where(e => Subnet2.Contains(e.Ip))
                    .Select(e => new { vni = e.Vni, ip = e.Ip.ToString(), host = NodeIp(e.Host).ToString(), mac = Mac(e.Mac).ToString() }));
                break;
            case NodeRole.D:
                Apply(h["Divider"], "subnet", new[]
                {
                    new { vni = Vpc1, cidr = Subnet1.ToString(), bouncers = new[] { NodeIp(NodeRole.B).ToString() } },
                    new { vni = Vpc1, cidr = Subnet2.ToString(), bouncers = new[] { NodeIp(NodeRole.E).ToString() } },
                });
                break;
        }
    }

    /// <summary>A PhysicalAddress as the contracts' MacAddress.</summary>
    public static MacAddress Mac(PhysicalAddress mac) => MacAddress.FromBytes(mac.GetAddressBytes());

    private static void Apply<T>(IControlHandler handler, string kind, IEnumerable<T> objects) =>
        handler.Apply(new ControlRequest(ControlOperation.Upsert, kind, ControlJson.Write(objects.ToList())));
}
