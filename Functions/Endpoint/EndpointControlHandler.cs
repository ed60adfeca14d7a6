using System.Net;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.Contracts.Net;
using MizarNF.Functions.Endpoint.Maps;
using MizarNF.Functions.Endpoint.Model;

namespace MizarNF.Functions.Endpoint;

/// <summary>
/// Programs the Endpoint function's tables. Kinds: "endpoint" (this node's endpoints), "subnet"
/// (their subnets' bouncers), "vpc" (their VPCs' dividers) and "learnt" (remove only: purges what
/// the data plane learnt about an address, e.g. when an endpoint moved).
/// </summary>
public sealed class EndpointControlHandler : IControlHandler
{
    private IMapProvider? _maps;

    /// <inheritdoc/>
    public string Function => EndpointFunction.Name;

    private IMapProvider Maps => _maps ?? throw new InvalidOperationException("the Endpoint handler is not bound to a pipeline yet");

    /// <inheritdoc/>
    public void Bind(IMapProvider maps) => _maps = maps;

    /// <inheritdoc/>
    public ControlResult Apply(ControlRequest request) => request.Kind switch
    {
        "endpoint" => ApplyEndpoints(request.Operation, ControlJson.ParseArray<EndpointSpec>(request.Json, "endpoint")),
        "subnet" => ApplySubnets(request.Operation, ControlJson.ParseArray<SubnetSpec>(request.Json, "subnet")),
        "vpc" => ApplyVpcs(request.Operation, ControlJson.ParseArray<VpcSpec>(request.Json, "vpc")),
        "learnt" when request.Operation == ControlOperation.Remove =>
            MapDiff.Remove(Maps.Map<EpKey, LearntHost>("ep_learnt"), ControlJson.ParseArray<AddressSpec>(request.Json, "learnt").Select(a => Key(a.Vni, a.Ip, "learnt"))),
        _ => throw new ControlValidationException($"Endpoint has no kind '{request.Kind}' for {request.Operation} (kinds: endpoint, subnet, vpc; learnt for remove)"),
    };

    /// <summary>Typed form of an "endpoint" upsert.</summary>
    public ControlResult UpsertEndpoints(params EndpointSpec[] endpoints) => ApplyEndpoints(ControlOperation.Upsert, endpoints);

    /// <summary>Typed form of a "subnet" upsert.</summary>
    public ControlResult UpsertSubnets(params SubnetSpec[] subnets) => ApplySubnets(ControlOperation.Upsert, subnets);

    /// <summary>Typed form of a "vpc" upsert.</summary>
    public ControlResult UpsertVpcs(params VpcSpec[] vpcs) => ApplyVpcs(ControlOperation.Upsert, vpcs);

    /// <inheritdoc/>
    public string DescribeState()
    {
        var local = Maps.Map<uint, AgentEndpoint>("ep_agent").Entries().Select(e => Describe(e.Key, e.Value)).ToList();
        var subnets = Maps.Map<EpKey, NodeSet>("ep_subnet").Entries()
            .Select(e => new SubnetSpec(e.Key.Vni, e.Key.Address.ToString(), e.Value.Nodes().Select(n => n.ToString()).ToList())).ToList();
        var vpcs = Maps.Map<uint, NodeSet>("ep_vpc").Entries()
            .Select(e => new VpcSpec(e.Key, e.Value.Nodes().Select(n => n.ToString()).ToList())).ToList();
        var learnt = Maps.Map<EpKey, LearntHost>("ep_learnt").Entries().Count();
        return ControlJson.Write(new { endpoints = local, subnets, vpcs, learnt });
    }

    private ControlResult ApplyEndpoints(ControlOperation op, IReadOnlyList<EndpointSpec> specs)
    {
        // Validate everything before the first write.
        var entries = specs.Select(Validate).ToList();
        ControlJson.Unique(entries, e => e.Key, "endpoint");
        ControlJson.Unique(entries, e => e.Ifindex, "endpoint ifindex");
        var local = Maps.Map<EpKey, LocalEndpoint>("ep_local");
        var agent = Maps.Map<uint, AgentEndpoint>("ep_agent");
        var learnt = Maps.Map<EpKey, LearntHost>("ep_learnt");
        return op switch
        {
            ControlOperation.Upsert =>
                MapDiff.Upsert(local, entries.Select(e => KeyValuePair.Create(e.Key, e.Local)))
                + MapDiff.Upsert(agent, entries.Select(e => KeyValuePair.Create(e.Ifindex, e.Agent)))
                + MapDiff.Remove(learnt, entries.Select(e => e.Key)),
            ControlOperation.Remove =>
                MapDiff.Remove(local, entries.Select(e => e.Key))
                + MapDiff.Remove(agent, entries.Select(e => e.Ifindex))
                + MapDiff.Remove(learnt, entries.Select(e => e.Key)),
            _ =>
                MapDiff.Replace(local, entries.ToDictionary(e => e.Key, e => e.Local))
                + MapDiff.Replace(agent, entries.ToDictionary(e => e.Ifindex, e => e.Agent)),
        };
    }

    private ControlResult ApplySubnets(ControlOperation op, IReadOnlyList<SubnetSpec> specs)
    {
        var entries = specs.Select(s => KeyValuePair.Create(Key(s.Vni, s.Gateway, "subnet"), Set(s.Bouncers, $"subnet {s.Vni}/{s.Gateway} bouncers", op))).ToList();
        ControlJson.Unique(entries, e => e.Key, "subnet");
        var map = Maps.Map<EpKey, NodeSet>("ep_subnet");
        return op switch
        {
            ControlOperation.Upsert => MapDiff.Upsert(map, entries),
            ControlOperation.Remove => MapDiff.Remove(map, entries.Select(e => e.Key)),
            _ => MapDiff.Replace(map, entries.ToDictionary()),
        };
    }

    private ControlResult ApplyVpcs(ControlOperation op, IReadOnlyList<VpcSpec> specs)
    {
        var entries = specs.Select(v => KeyValuePair.Create(ControlJson.Vni(v.Vni, "vpc"), Set(v.Dividers, $"vpc {v.Vni} dividers", op))).ToList();
        ControlJson.Unique(entries, e => e.Key, "vpc");
        var map = Maps.Map<uint, NodeSet>("ep_vpc");
        return op switch
        {
            ControlOperation.Upsert => MapDiff.Upsert(map, entries),
            ControlOperation.Remove => MapDiff.Remove(map, entries.Select(e => e.Key)),
            _ => MapDiff.Replace(map, entries.ToDictionary()),
        };
    }

    private static EpKey Key(uint vni, string ip, string what) => new(ControlJson.Vni(vni, what), ControlJson.Ipv4(ip, what));

    private static NodeSet Set(IReadOnlyList<string>? nodes, string what, ControlOperation op)
    {
        if (op != ControlOperation.Remove && (nodes is null || nodes.Count == 0))
        {
            throw new ControlValidationException($"{what}: at least one node is needed");
        }

        return NodeSet.Of((nodes ?? []).Select(n => ControlJson.Ipv4(n, what)).ToList());
    }

    private static unsafe (EpKey Key, uint Ifindex, LocalEndpoint Local, AgentEndpoint Agent) Validate(EndpointSpec s)
    {
        var what = $"endpoint {s.Vni}/{s.Ip}";
        var key = Key(s.Vni, s.Ip, what);
        var gateway = ControlJson.Ipv4(s.Gateway, what + " gateway");
        var mac = ControlJson.Mac(s.Mac, what + " mac");
        if (s.Ifindex <= 0)
        {
            throw new ControlValidationException($"{what}: ifindex {s.Ifindex} is not an interface index");
        }

        if (gateway.Equals(key.Address))
        {
            throw new ControlValidationException($"{what}: the endpoint cannot be its own gateway");
        }

        var local = new LocalEndpoint { Ifindex = (uint)s.Ifindex };
        mac.CopyTo(new Span<byte>(local.Mac, 6));
        var agent = new AgentEndpoint { Vni = key.Vni, Ip = key.Ip, GwIp = Ipv4Prefix.ToNetworkOrder(gateway) };
        mac.CopyTo(new Span<byte>(agent.Mac, 6));
        return (key, (uint)s.Ifindex, local, agent);
    }

    private static unsafe EndpointSpec Describe(uint ifindex, AgentEndpoint a) => new(
        a.Vni,
        Ipv4Prefix.FromNetworkOrder(a.Ip).ToString(),
        MacAddress.FromBytes(new ReadOnlySpan<byte>(a.Mac, 6)).ToString(),
        (int)ifindex,
        new IPAddress(a.GwIp).ToString());
}
