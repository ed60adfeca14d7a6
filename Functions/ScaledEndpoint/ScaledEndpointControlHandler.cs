using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.Contracts.Net;
using MizarNF.Functions.ScaledEndpoint.Maglev;
using MizarNF.Functions.ScaledEndpoint.Maps;
using MizarNF.Functions.ScaledEndpoint.Model;

namespace MizarNF.Functions.ScaledEndpoint;

/// <summary>
/// Programs the services a node owns. Kinds: "service" (upsert, remove by {vni, ip, port,
/// protocol}, replace = the whole set) and "config" (upsert: timeouts, MTU). A request is
/// validated whole before the first write. A changed service gets its new Maglev table in a free
/// region of <c>svc_maglev</c> first and is switched over by one write of its <c>svc_svcs</c>
/// entry, so a packet never sees half a table; an unchanged one (same backends, same affinity)
/// writes nothing.
/// </summary>
public sealed class ScaledEndpointControlHandler : IControlHandler
{
    private const int MaxAffinitySeconds = 86400;
    private IMapProvider? _maps;
    private uint _capacity;

    /// <inheritdoc/>
    public string Function => ScaledEndpointFunction.Name;

    private IMapProvider Maps => _maps ?? throw new InvalidOperationException("the ScaledEndpoint handler is not bound to a pipeline yet");

    private IMap<ServiceKey, ServiceInfo> Services => Maps.Map<ServiceKey, ServiceInfo>("svc_svcs");

    private IMap<uint, ServiceBackend> Slots => Maps.Map<uint, ServiceBackend>("svc_maglev");

    private IMap<EpKey, uint> Vips => Maps.Map<EpKey, uint>("svc_vips");

    /// <inheritdoc/>
    public void Bind(IMapProvider maps)
    {
        _maps = maps;
        _capacity = 0;
    }

    /// <inheritdoc/>
    public ControlResult Apply(ControlRequest request) => request.Kind switch
    {
        "service" => ApplyServices(request.Operation, ControlJson.ParseArray<ServiceSpec>(request.Json, "service")),
        "config" when request.Operation == ControlOperation.Upsert => ApplyConfig(ControlJson.ParseArray<ConfigSpec>(request.Json, "config")),
        _ => throw new ControlValidationException($"ScaledEndpoint has no kind '{request.Kind}' for {request.Operation} (kinds: service; config for upsert)"),
    };

    /// <summary>Typed "service" request.</summary>
    public ControlResult ApplyServices(ControlOperation op, IReadOnlyList<ServiceSpec> specs)
    {
        var desired = specs.Select(s => Validate(s, op)).ToList();
        ControlJson.Unique(desired, d => d.Key, "service");
        var result = op switch
        {
            ControlOperation.Remove => MapDiff.Remove(Services, desired.Select(d => d.Key)),
            ControlOperation.Upsert => Write(desired),
            _ => Write(desired) + MapDiff.Remove(Services, Services.Entries().Select(e => e.Key).Where(k => !desired.Any(d => d.Key.Equals(k))).ToList()),
        };
        var vips = Services.Entries().GroupBy(e => new EpKey(e.Key.Vni, e.Key.Address)).ToDictionary(g => g.Key, g => (uint)g.Count());
        return result + MapDiff.Replace(Vips, vips);
    }

    /// <summary>The backends of a service as the table holds them (for state and tests).</summary>
    public IReadOnlyList<ServiceBackend> TableOf(ServiceKey key)
    {
        if (!Services.TryLookup(key, out var info))
        {
            return [];
        }

        var slots = new ServiceBackend[info.Size];
        for (uint i = 0; i < info.Size; i++)
        {
            Slots.TryLookup(info.Base + i, out slots[i]);
        }

        return slots;
    }

    /// <inheritdoc/>
    public string DescribeState()
    {
        var services = Services.Entries().Select(e => new
        {
            vni = e.Key.Vni,
            ip = e.Key.Address.ToString(),
            port = e.Key.HostPort,
            protocol = ServiceProtocols.Name(e.Key.Proto),
            backends = TableOf(e.Key).Distinct().Select(b => $"{Ipv4Prefix.FromNetworkOrder(b.Ip)}:{BinaryPrimitives.ReverseEndianness(b.Port)}@{Ipv4Prefix.FromNetworkOrder(b.Host)}").Order(StringComparer.Ordinal).ToList(),
            tableSize = e.Value.Size,
            affinitySeconds = e.Value.AffTimeout,
        }).ToList();
        Maps.Map<uint, ServiceStats>("svc_stats").TryLookup(0, out var stats);
        return ControlJson.Write(new { services, stats });
    }

    private ControlResult ApplyConfig(IReadOnlyList<ConfigSpec> specs)
    {
        if (specs.Count != 1)
        {
            throw new ControlValidationException($"config: exactly one object expected, got {specs.Count}");
        }

        var s = specs[0];
        if (s.Mtu is { } mtu && (mtu < 576 || mtu > 65535))
        {
            throw new ControlValidationException($"config: MTU {mtu} is outside 576..65535");
        }

        if (s.IdleTimeoutSeconds == 0 || s.FinTimeoutSeconds == 0)
        {
            throw new ControlValidationException("config: a timeout of 0 seconds is not a timeout");
        }

        var value = new ServiceConfig { IdleTimeoutS = s.IdleTimeoutSeconds ?? 0, FinTimeoutS = s.FinTimeoutSeconds ?? 0, Mtu = s.Mtu ?? 0 };
        return MapDiff.Upsert(Maps.Map<uint, ServiceConfig>("svc_config"), [KeyValuePair.Create(0u, value)]);
    }

    private ControlResult Write(IReadOnlyList<Desired> desired)
    {
        int written = 0, unchanged = 0;
        foreach (var d in desired)
        {
            // A table never shrinks while it still has 100 slots per backend: a removal then moves
            // about 1/N of the flows, where a new size would move nearly all of them.
            var exists = Services.TryLookup(d.Key, out var current);
            var needed = d.Backends.Count == 0 ? 0u : (uint)MaglevTable.SizeFor(d.Backends.Count);
            var size = needed > 0 && exists && current.Size >= needed ? current.Size : needed;
            var info = new ServiceInfo { Size = size, Count = (uint)d.Backends.Count, AffTimeout = d.AffinitySeconds, Gen = Generation(d.Backends, size) };
            if (exists && current with { Base = 0 } is var c && c.Equals(info))
            {
                unchanged++;
                continue;
            }

            if (size > 0)
            {
                info.Base = Allocate(size);
                var table = MaglevTable.Build(d.Backends.Select(b => b.Name).ToList(), (int)size);
                for (uint i = 0; i < size; i++)
                {
                    Slots.Update(info.Base + i, d.Backends[table[i]].Entry);
                }
            }

            Services.Update(d.Key, info);
            written++;
        }

        return new ControlResult(written, 0, unchanged);
    }

    /// <summary>First fit among the regions the current services do not use (the old table of a changing service stays in use until it is switched over).</summary>
    private uint Allocate(uint size)
    {
        var capacity = Capacity();
        var used = Services.Entries().Where(e => e.Value.Size > 0).Select(e => (Start: e.Value.Base, End: e.Value.Base + e.Value.Size)).OrderBy(r => r.Start).ToList();
        uint at = 0;
        foreach (var (start, end) in used)
        {
            if (start >= at + size)
            {
                break;
            }

            at = Math.Max(at, end);
        }

        return at + size <= capacity
            ? at
            : throw new ControlValidationException($"service: svc_maglev has no free region of {size} slots (capacity {capacity}); size the map larger");
    }

    /// <summary>The Maglev array's size, found once by probing (an array map answers for every index below it).</summary>
    private uint Capacity()
    {
        if (_capacity == 0)
        {
            uint lo = 0, hi = 1u << 26;
            while (lo + 1 < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (Slots.TryLookup(mid - 1, out _))
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            _capacity = lo;
        }

        return _capacity;
    }

    private static uint Generation(IReadOnlyList<Backend> backends, uint size)
    {
        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(string.Join(',', backends.Select(b => b.Name + "@" + b.HostText)) + "/" + size.ToString(CultureInfo.InvariantCulture)))
        {
            h = (h ^ b) * 16777619u;
        }

        return h;
    }

    private static Desired Validate(ServiceSpec s, ControlOperation op)
    {
        var what = $"service {s.Vni}/{s.Ip}:{s.Port}/{s.Protocol}";
        var key = new ServiceKey(ControlJson.Vni(s.Vni, what), ControlJson.Ipv4(s.Ip, what), Port(s.Port, what), ServiceProtocols.Parse(s.Protocol, what));
        if (op == ControlOperation.Remove)
        {
            return new Desired(key, [], 0);
        }

        var backends = (s.Backends ?? []).Select(b =>
        {
            var bw = $"{what} backend {b.Ip}:{b.Port}";
            var ip = ControlJson.Ipv4(b.Ip, bw);
            var port = Port(b.Port, bw);
            var host = ControlJson.Ipv4(b.Host, bw + " host");
            var entry = new ServiceBackend { Ip = Ipv4Prefix.ToNetworkOrder(ip), Port = BinaryPrimitives.ReverseEndianness(port), Host = Ipv4Prefix.ToNetworkOrder(host) };
            return new Backend($"{ip}:{port}", host.ToString(), entry);
        }).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        ControlJson.Unique(backends, b => b.Name, what + " backend");
        if (backends.Count > MaglevTable.MaxBackends)
        {
            throw new ControlValidationException($"{what}: {backends.Count} backends, at most {MaglevTable.MaxBackends}");
        }

        uint affinity = 0;
        if (s.Affinity is { ClientIp: true } a)
        {
            if (a.TimeoutSeconds is < 1 or > MaxAffinitySeconds)
            {
                throw new ControlValidationException($"{what}: affinity timeout {a.TimeoutSeconds} s is outside 1..{MaxAffinitySeconds}");
            }

            affinity = (uint)a.TimeoutSeconds;
        }

        return new Desired(key, backends, affinity);
    }

    private static ushort Port(int port, string what) =>
        port is > 0 and <= ushort.MaxValue ? (ushort)port : throw new ControlValidationException($"{what}: port {port} is outside 1..65535");

    private sealed record Backend(string Name, string HostText, ServiceBackend Entry);

    private sealed record Desired(ServiceKey Key, IReadOnlyList<Backend> Backends, uint AffinitySeconds);
}
