using System.Diagnostics;
using System.Net.Sockets;
using Grpc.Core;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Store;
using SetPeersRequest = MizarNF.NodeApi.V1.SetPeersRequest;

namespace MizarNF.ControlPlane.Tests.Nodes;

public sealed class GrpcNodeApiTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mizarnf-grpc-").FullName;

    [Fact]
    public async Task SetPeers_NoDaemon_Unavailable()
    {
        using var api = new GrpcNodeApi(Path.Combine(_dir, "absent.sock"));

        var e = await Assert.ThrowsAsync<RpcException>(() => api.SetPeersAsync(new SetPeersRequest()));

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
    }

    [Fact]
    public async Task SetPeers_DaemonHangs_DeadlineExceeded()
    {
        var path = Path.Combine(_dir, "hung.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(); // accepts connections, never answers
        using var api = new GrpcNodeApi(path, TimeSpan.FromMilliseconds(300));
        var started = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<RpcException>(() => api.SetPeersAsync(new SetPeersRequest()));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ApplyNode_NoDaemon_StoredNotReadyNodeUnreachable()
    {
        using var store = FileObjectStore.Open(Path.Combine(_dir, "store"));
        using var nodes = new GrpcNodeApiFactory(TimeSpan.FromSeconds(2));
        var reconciler = new Reconciler(store, nodes);

        var node = await reconciler.ApplyAsync(Make.Node(1) with { Spec = Make.Node(1).Spec with { Socket = Path.Combine(_dir, "absent.sock") } });

        var ready = Conditions.Find(node.Status.Conditions, Conditions.Ready)!;
        Assert.Equal(("False", "NodeUnreachable"), (ready.Status, ready.Reason));
        Assert.Contains("SetPeers on node 'node-1' failed: Unavailable", ready.Message, StringComparison.Ordinal);
        Assert.False(store.Get<Node>("node-1")!.IsReady);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
