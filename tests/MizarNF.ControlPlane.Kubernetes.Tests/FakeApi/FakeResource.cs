using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace MizarNF.ControlPlane.Kubernetes.Tests.FakeApi;

/// <summary>
/// One collection of the fake API server: what a list returns and the events its watch streams.
/// A watch stream ends when <see cref="EndWatch"/> or <see cref="ExpireWatch"/> is called.
/// </summary>
public sealed class FakeResource(string apiVersion, string listKind)
{
    private readonly Lock _gate = new();
    private readonly Channel<string?> _events = Channel.CreateUnbounded<string?>();
    private List<JsonObject> _items = [];
    private string _resourceVersion = "10";
    private int _activeWatches;

    internal ChannelReader<string?> Events => _events.Reader;

    /// <summary>How many watch streams are open now.</summary>
    public int ActiveWatches => Volatile.Read(ref _activeWatches);

    internal void WatchOpened() => Interlocked.Increment(ref _activeWatches);

    internal void WatchClosed() => Interlocked.Decrement(ref _activeWatches);

    /// <summary>What a list returns from now on.</summary>
    public void SetList(string resourceVersion, params JsonObject[] items)
    {
        lock (_gate)
        {
            _resourceVersion = resourceVersion;
            _items = [.. items];
        }
    }

    /// <summary>Streams one watch event ("ADDED", "MODIFIED", "DELETED") to the open watch.</summary>
    public void Push(string type, JsonObject obj) =>
        _events.Writer.TryWrite(new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString());

    /// <summary>Streams the API server's "resource version too old" error (410 Gone), then ends the stream.</summary>
    public void ExpireWatch(string resourceVersion)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure",
            ["message"] = $"too old resource version: {resourceVersion}", ["reason"] = "Expired", ["code"] = 410,
        };
        _events.Writer.TryWrite(new JsonObject { ["type"] = "ERROR", ["object"] = status }.ToJsonString());
        EndWatch();
    }

    /// <summary>Ends the open watch stream, as the API server does when its timeout passes.</summary>
    public void EndWatch() => _events.Writer.TryWrite(null);

    internal void Close() => _events.Writer.TryComplete();

    internal string ListJson()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["apiVersion"] = apiVersion,
                ["kind"] = listKind,
                ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion },
                ["items"] = new JsonArray([.. _items.Select(i => (JsonNode)i.DeepClone())]),
            }.ToJsonString();
        }
    }
}
