using System.Text.Json.Nodes;
using Grpc.Net.Client;
using MizarNF.NodeApi;
using MizarNF.NodeApi.V1;
using MizarNF.Testbed;

namespace MizarNF.Bench.Overlay;

/// <summary>
/// The node daemons' gRPC API for one MizarNF setup: the clients it is programmed through, and
/// afterwards how the pipelines were attached and what they dropped (GetState, GetCounters).
/// </summary>
internal sealed class DaemonReport : IDisposable
{
    private readonly List<GrpcChannel> _channels;
    private readonly List<TestbedNode> _nodes;

    public DaemonReport(IReadOnlyList<TestbedNode> nodes)
    {
        _nodes = [.. nodes];
        _channels = [.. nodes.Select(n => NodeChannel.ForUnixSocket(n.Socket))];
        Clients = [.. _channels.Select(c => new Node.NodeClient(c))];
    }

    public IReadOnlyList<Node.NodeClient> Clients { get; }

    /// <summary>How each node's agent and transit pipelines are attached (GetState), and every drop by reason summed over nodes and functions.</summary>
    public JsonObject Describe()
    {
        var agent = new JsonObject();
        var transit = new JsonObject();
        var drops = new JsonObject();
        foreach (var (client, node) in Clients.Zip(_nodes))
        {
            var state = client.GetState(new GetStateRequest());
            agent[node.Name] = state.Pipelines.FirstOrDefault(p => p.AttachPoint == "agent")?.Mode;
            transit[node.Name] = state.Pipelines.FirstOrDefault(p => p.AttachPoint == "transit")?.Mode;
            foreach (var d in client.GetCounters(new GetCountersRequest()).Functions.SelectMany(f => f.Drops).Where(d => d.Packets > 0))
            {
                drops[d.Reason] = (drops[d.Reason]?.GetValue<ulong>() ?? 0) + d.Packets;
            }
        }

        return new JsonObject
        {
            ["agent"] = agent,
            ["transit"] = transit,
            ["drops"] = drops,
        };
    }

    /// <summary>Every node's non-zero counters per attach point and function, one line per node.</summary>
    public string Counters() => string.Join('\n', Clients.Zip(_nodes).Select(c =>
        $"{c.Second.Name}: " + string.Join("; ", c.First.GetCounters(new GetCountersRequest()).Functions
            .Where(f => f.Pass + f.Drop + f.Tx + f.Redirect > 0)
            .Select(f => $"{f.AttachPoint}/{f.Function} pass={f.Pass} drop={f.Drop} tx={f.Tx} redirect={f.Redirect}"
                + string.Concat(f.Drops.Where(d => d.Packets > 0).Select(d => $" [{d.Reason}={d.Packets}]"))))));

    public void Dispose()
    {
        foreach (var c in _channels)
        {
            c.Dispose();
        }
    }
}
