using System.Text.Json;
using Grpc.Core;
using MizarNF.Contracts.Net;
using MizarNF.NodeApi.V1;

namespace MizarNF.ControlPlane.Nodes;

/// <summary>
/// A node daemon in memory, for tests and benchmarks: it keeps endpoints, peers and function
/// entries in tables, counts calls per method, records the calls that took effect in a
/// <see cref="SimulatedCallLog"/> (shared by the nodes of a factory), can be slowed down
/// (<see cref="Latency"/>) or cut off (<see cref="Reachable"/>), and enforces the rules a real
/// node would (a bouncer learns a subnet before its endpoints; an endpoint id is not reused with
/// another spec, its VPC's dividers included; a new endpoint programs its VPC's dividers).
/// </summary>
public sealed class SimulatedNode : INodeApi
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _calls = [];
    private readonly Dictionary<string, NodeApi.V1.Endpoint> _endpoints = [];
    private readonly Dictionary<(string Function, string Kind), Dictionary<string, string>> _entries = [];
    private List<Peer> _peers = [];

    /// <summary>A simulated node called <paramref name="name"/>, recording its calls in <paramref name="log"/> (or a log of its own).</summary>
    public SimulatedNode(string name, SimulatedCallLog? log = null)
    {
        Name = name;
        Log = log ?? new SimulatedCallLog();
    }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>Where the node records the calls it carried out, in order.</summary>
    public SimulatedCallLog Log { get; }

    /// <summary>How long each call takes.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>False makes every call fail with Unavailable (the call is still counted).</summary>
    public bool Reachable { get; set; } = true;

    /// <summary>Calls made so far, per method name (e.g. "ProvisionEndpoint").</summary>
    public IReadOnlyDictionary<string, int> Calls
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_calls);
            }
        }
    }

    /// <summary>All calls made so far.</summary>
    public int TotalCalls => Calls.Values.Sum();

    /// <summary>The endpoints the node holds, by id.</summary>
    public IReadOnlyDictionary<string, NodeApi.V1.Endpoint> Endpoints
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, NodeApi.V1.Endpoint>(_endpoints);
            }
        }
    }

    /// <summary>The peers the node was last given.</summary>
    public IReadOnlyList<Peer> Peers
    {
        get
        {
            lock (_gate)
            {
                return _peers;
            }
        }
    }

    /// <summary>The entries (JSON objects) a function holds of one kind, by key ("vni/ip", "vni/cidr" or, for services, "vni/ip:port/protocol").</summary>
    public IReadOnlyDictionary<string, string> Entries(string function, string kind)
    {
        lock (_gate)
        {
            return _entries.TryGetValue((function, kind), out var table) ? new Dictionary<string, string>(table) : [];
        }
    }

    /// <summary>Forgets the call counts (not the tables).</summary>
    public void ResetCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <inheritdoc/>
    public async Task<NodeApi.V1.Endpoint> ProvisionEndpointAsync(ProvisionEndpointRequest request, CancellationToken cancellationToken = default)
    {
        await EnterAsync("ProvisionEndpoint", cancellationToken);
        if (string.IsNullOrEmpty(request.Id) || request.SubnetBouncers.Count is 0 or > 8 || request.VpcDividers.Count > 8)
        {
            throw Refuse(StatusCode.InvalidArgument, $"endpoint '{request.Id}': needs an id and 1 to 8 bouncers");
        }

        var endpoint = new NodeApi.V1.Endpoint
        {
            Id = request.Id, Vni = request.Vni, Ip = request.Ip, PrefixLength = request.PrefixLength, Gateway = request.Gateway,
            Mac = request.Mac, Netns = request.Netns, Ifname = string.IsNullOrEmpty(request.Ifname) ? "eth0" : request.Ifname,
            HostIfname = "sim" + request.Ip.Replace(".", string.Empty, StringComparison.Ordinal), Mtu = 1450, AgentHook = "simulated",
        };
        endpoint.SubnetBouncers.AddRange(request.SubnetBouncers);
        endpoint.VpcDividers.AddRange(request.VpcDividers);
        lock (_gate)
        {
            var existed = _endpoints.TryGetValue(request.Id, out var old);
            if (existed && !old!.Equals(endpoint))
            {
                throw Refuse(StatusCode.AlreadyExists, $"endpoint '{request.Id}' exists with another spec");
            }

            if (!existed && request.VpcDividers.Count > 0)
            {
                // As the daemon does, a new endpoint programs its VPC's dividers (the Endpoint function's "vpc" entry).
                var vpc = Parse(FunctionRequests.EndpointVpc(Operation.Upsert, request.Vni, [.. request.VpcDividers]).Json)[0];
                Table(FunctionRequests.Endpoint, "vpc")[KeyOf(vpc)] = vpc.GetRawText();
            }

            _endpoints[request.Id] = endpoint;
            Log.Add(new SimulatedCall(Name, "ProvisionEndpoint"));
        }

        return endpoint;
    }

    /// <inheritdoc/>
    public async Task<DeleteEndpointReply> DeleteEndpointAsync(DeleteEndpointRequest request, CancellationToken cancellationToken = default)
    {
        await EnterAsync("DeleteEndpoint", cancellationToken);
        lock (_gate)
        {
            Log.Add(new SimulatedCall(Name, "DeleteEndpoint"));
            return new DeleteEndpointReply { Existed = _endpoints.Remove(request.Id) };
        }
    }

    /// <inheritdoc/>
    public async Task<ProgramReply> ProgramFunctionAsync(ProgramFunctionRequest request, CancellationToken cancellationToken = default)
    {
        await EnterAsync("ProgramFunction", cancellationToken);
        var items = Parse(request.Json);
        lock (_gate)
        {
            var table = Table(request.Function, request.Kind);

            if (request.Operation != Operation.Remove && request is { Function: FunctionRequests.Bouncer, Kind: "endpoint" })
            {
                CheckBounced(items);
            }

            var reply = new ProgramReply();
            if (request.Operation == Operation.Replace)
            {
                reply.Deleted = table.Count;
                table.Clear();
            }

            foreach (var item in items)
            {
                if (request.Operation == Operation.Remove)
                {
                    reply.Deleted += table.Remove(KeyOf(item)) ? 1 : 0;
                }
                else
                {
                    table[KeyOf(item)] = item.GetRawText();
                    reply.Written++;
                }
            }

            Log.Add(new SimulatedCall(Name, "ProgramFunction", request));
            return reply;
        }
    }

    /// <inheritdoc/>
    public async Task<ProgramReply> SetPeersAsync(SetPeersRequest request, CancellationToken cancellationToken = default)
    {
        await EnterAsync("SetPeers", cancellationToken);
        lock (_gate)
        {
            _peers = [.. request.Peers];
            Log.Add(new SimulatedCall(Name, "SetPeers"));
            return new ProgramReply { Written = _peers.Count };
        }
    }

    private async Task EnterAsync(string method, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls[method] = _calls.GetValueOrDefault(method) + 1;
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        if (!Reachable)
        {
            throw Refuse(StatusCode.Unavailable, $"node {Name} is unreachable (simulated)");
        }
    }

    private Dictionary<string, string> Table(string function, string kind)
    {
        if (!_entries.TryGetValue((function, kind), out var table))
        {
            _entries[(function, kind)] = table = [];
        }

        return table;
    }

    private void CheckBounced(List<JsonElement> items)
    {
        var subnets = _entries.GetValueOrDefault((FunctionRequests.Bouncer, "subnet"))?.Values.ToList() ?? [];
        var bounced = subnets.Select(json => JsonSerializer.Deserialize<JsonElement>(json))
            .Select(e => (Vni: e.GetProperty("vni").GetUInt32(), Cidr: Ipv4Prefix.Parse(e.GetProperty("cidr").GetString()!)))
            .ToList();
        foreach (var item in items)
        {
            var vni = item.GetProperty("vni").GetUInt32();
            var ip = System.Net.IPAddress.Parse(item.GetProperty("ip").GetString()!);
            if (!bounced.Any(s => s.Vni == vni && s.Cidr.Contains(ip)))
            {
                throw Refuse(StatusCode.InvalidArgument, $"endpoint {vni}/{ip}: not in any subnet this node bounces for VNI {vni}");
            }
        }
    }

    /// <summary>
    /// {vni}/{ip or cidr}; a service (ScaledEndpoint "service") is {vni}/{ip}:{port}/{protocol}; a
    /// VPC-wide object (Endpoint "vpc") is keyed by its VNI alone.
    /// </summary>
    private static string KeyOf(JsonElement item) =>
        item.TryGetProperty("port", out var port) ? $"{item.GetProperty("vni").GetUInt32()}/{item.GetProperty("ip").GetString()}:{port.GetInt32()}/{item.GetProperty("protocol").GetString()}"
        : item.TryGetProperty("ip", out var ip) ? $"{item.GetProperty("vni").GetUInt32()}/{ip.GetString()}"
        : item.TryGetProperty("cidr", out var cidr) ? $"{item.GetProperty("vni").GetUInt32()}/{cidr.GetString()}"
        : $"{item.GetProperty("vni").GetUInt32()}";

    private static List<JsonElement> Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var items = doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
            _ = items.Select(KeyOf).ToList(); // every item must have a key
            return items;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw Refuse(StatusCode.InvalidArgument, $"malformed JSON: {e.Message}");
        }
    }

    private static RpcException Refuse(StatusCode code, string message) => new(new Status(code, message));
}
