using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.Functions.Divider.Model;

namespace MizarNF.Functions.Divider;

/// <summary>Programs the divider's table: kind "subnet", {VNI, CIDR} → the subnet's bouncers.</summary>
public sealed class DividerControlHandler : IControlHandler
{
    private IMapProvider? _maps;

    /// <inheritdoc/>
    public string Function => DividerFunction.Name;

    private IMapProvider Maps => _maps ?? throw new InvalidOperationException("the Divider handler is not bound to a pipeline yet");

    /// <inheritdoc/>
    public void Bind(IMapProvider maps) => _maps = maps;

    /// <inheritdoc/>
    public ControlResult Apply(ControlRequest request)
    {
        if (request.Kind != "subnet")
        {
            throw new ControlValidationException($"Divider has no kind '{request.Kind}' (kinds: subnet)");
        }

        var op = request.Operation;
        var entries = ControlJson.ParseArray<DividedSubnetSpec>(request.Json, "subnet").Select(s =>
        {
            var what = $"subnet {s.Vni}/{s.Cidr}";
            var key = new VpcPrefix(ControlJson.Vni(s.Vni, what), ControlJson.Cidr(s.Cidr, what));
            if (op != ControlOperation.Remove && (s.Bouncers is null || s.Bouncers.Count == 0))
            {
                throw new ControlValidationException($"{what}: at least one bouncer is needed");
            }

            return KeyValuePair.Create(key, NodeSet.Of((s.Bouncers ?? []).Select(b => ControlJson.Ipv4(b, what + " bouncer")).ToList()));
        }).ToList();
        ControlJson.Unique(entries, e => (e.Key.HostVni, e.Key.Prefix), "subnet");
        var map = Maps.Map<VpcPrefix, NodeSet>("dv_subnets");
        return op switch
        {
            ControlOperation.Upsert => MapDiff.Upsert(map, entries),
            ControlOperation.Remove => MapDiff.Remove(map, entries.Select(e => e.Key)),
            _ => MapDiff.Replace(map, entries.ToDictionary()),
        };
    }

    /// <summary>Typed "subnet" upsert.</summary>
    public ControlResult UpsertSubnets(params DividedSubnetSpec[] subnets) =>
        Apply(new ControlRequest(ControlOperation.Upsert, "subnet", ControlJson.Write(subnets)));

    /// <inheritdoc/>
    public string DescribeState() => ControlJson.Write(new
    {
        subnets = Maps.Map<VpcPrefix, NodeSet>("dv_subnets").Entries()
            .Select(e => new DividedSubnetSpec(e.Key.HostVni, e.Key.Prefix.ToString(), e.Value.Nodes().Select(n => n.ToString()).ToList())).ToList(),
    });
}
