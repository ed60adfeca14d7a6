using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.Contracts.Net;
using MizarNF.Functions.Bouncer.Maps;
using MizarNF.Functions.Bouncer.Model;

namespace MizarNF.Functions.Bouncer;

/// <summary>
/// Programs the bouncer's tables. Kinds: "subnet" (the subnets this node bounces) and "endpoint"
/// (an endpoint of one of them and its host). An endpoint must lie in a bounced subnet of its
/// VPC; a request that breaks that writes nothing.
/// </summary>
public sealed class BouncerControlHandler : IControlHandler
{
    private IMapProvider? _maps;

    /// <inheritdoc/>
    public string Function => BouncerFunction.Name;

    private IMapProvider Maps => _maps ?? throw new InvalidOperationException("the Bouncer handler is not bound to a pipeline yet");

    /// <inheritdoc/>
    public void Bind(IMapProvider maps) => _maps = maps;

    /// <inheritdoc/>
    public ControlResult Apply(ControlRequest request) => request.Kind switch
    {
        "subnet" => ApplySubnets(request.Operation, ControlJson.ParseArray<BouncedSubnetSpec>(request.Json, "subnet")),
        "endpoint" => ApplyEndpoints(request.Operation, ControlJson.ParseArray<BouncerEndpointSpec>(request.Json, "endpoint")),
        _ => throw new ControlValidationException($"Bouncer has no kind '{request.Kind}' (kinds: subnet, endpoint)"),
    };

    /// <summary>Typed "subnet" upsert.</summary>
    public ControlResult UpsertSubnets(params BouncedSubnetSpec[] subnets) => ApplySubnets(ControlOperation.Upsert, subnets);

    /// <summary>Typed "endpoint" upsert.</summary>
    public ControlResult UpsertEndpoints(params BouncerEndpointSpec[] endpoints) => ApplyEndpoints(ControlOperation.Upsert, endpoints);

    /// <inheritdoc/>
    public unsafe string DescribeState()
    {
        var subnets = Maps.Map<VpcPrefix, uint>("bn_subnets").Entries().Select(e => new BouncedSubnetSpec(e.Key.HostVni, e.Key.Prefix.ToString())).ToList();
        var endpoints = Maps.Map<EpKey, BouncedEndpoint>("bn_eps").Entries().Select(e =>
        {
            var v = e.Value;
            return new BouncerEndpointSpec(e.Key.Vni, e.Key.Address.ToString(), Ipv4Prefix.FromNetworkOrder(v.Host).ToString(), MacAddress.FromBytes(new ReadOnlySpan<byte>(v.Mac, 6)).ToString());
        }).ToList();
        return ControlJson.Write(new { subnets, endpoints });
    }

    private ControlResult ApplySubnets(ControlOperation op, IReadOnlyList<BouncedSubnetSpec> specs)
    {
        var keys = specs.Select(s => new VpcPrefix(ControlJson.Vni(s.Vni, "subnet"), ControlJson.Cidr(s.Cidr, $"subnet {s.Vni}"))).ToList();
        ControlJson.Unique(keys, k => (k.HostVni, k.Prefix), "subnet");
        var map = Maps.Map<VpcPrefix, uint>("bn_subnets");
        return op switch
        {
            ControlOperation.Upsert => MapDiff.Upsert(map, keys.Select(k => KeyValuePair.Create(k, 1u))),
            ControlOperation.Remove => MapDiff.Remove(map, keys),
            _ => MapDiff.Replace(map, keys.ToDictionary(k => k, _ => 1u)),
        };
    }

    private unsafe ControlResult ApplyEndpoints(ControlOperation op, IReadOnlyList<BouncerEndpointSpec> specs)
    {
        var subnets = Maps.Map<VpcPrefix, uint>("bn_subnets").Entries().Select(e => e.Key).ToList();
        var entries = new List<KeyValuePair<EpKey, BouncedEndpoint>>();
        foreach (var s in specs)
        {
            var what = $"endpoint {s.Vni}/{s.Ip}";
            var key = new EpKey(ControlJson.Vni(s.Vni, what), ControlJson.Ipv4(s.Ip, what));
            var value = default(BouncedEndpoint);
            if (op != ControlOperation.Remove)
            {
                if (!subnets.Any(p => p.HostVni == key.Vni && p.Prefix.Contains(key.Address)))
                {
                    throw new ControlValidationException($"{what}: not in any subnet this node bounces for VNI {key.Vni}");
                }

                value.Host = Ipv4Prefix.ToNetworkOrder(ControlJson.Ipv4(s.Host, what + " host"));
                ControlJson.Mac(s.Mac, what + " mac").CopyTo(new Span<byte>(value.Mac, 6));
            }

            entries.Add(KeyValuePair.Create(key, value));
        }

        ControlJson.Unique(entries, e => e.Key, "endpoint");
        var map = Maps.Map<EpKey, BouncedEndpoint>("bn_eps");
        return op switch
        {
            ControlOperation.Upsert => MapDiff.Upsert(map, entries),
            ControlOperation.Remove => MapDiff.Remove(map, entries.Select(e => e.Key)),
            _ => MapDiff.Replace(map, entries.ToDictionary()),
        };
    }
}
