using Grpc.Core;
using MizarNF.NodeApi;
using MizarNF.NodeApi.V1;
using MizarNF.NodeRuntime.Tests.Fixtures;
using MizarNF.Testbed;

namespace MizarNF.NodeRuntime.Tests.Services;

/// <summary>`mizarnf-node --map-size NAME=N` sizes a plugin's map: what does not fit is refused with the map's name.</summary>
public sealed class MapSizeTests
{
    private static string Service(int last) =>
        $"[{{\"vni\":7,\"ip\":\"10.96.0.{last}\",\"port\":80,\"protocol\":\"tcp\",\"backends\":[{{\"ip\":\"10.7.0.20\",\"port\":8080,\"host\":\"172.31.0.2\"}}]}}]";

    [Fact]
    public void MapSize_MaglevRoomForOneTable_SecondServiceRefusedFirstKept()
    {
        // A one-backend service's Maglev table has 251 slots: 300 hold one table, not two (the
        // plugin's default, 131,072, holds hundreds).
        using var bed = MizarNF.Testbed.Testbed.Up(new TestbedOptions
        {
            Nodes = 1,
            NodeCommand = NodeDaemonCommand.Create(Repo.Plugins, daemon: Repo.Daemon, extraArguments: ["--map-size", "svc_maglev=300"]),
        }, null);
        var node = NodeChannel.Client(bed.Nodes[0].Socket);

        node.ProgramFunction(new ProgramFunctionRequest { Function = "ScaledEndpoint", Kind = "service", Json = Service(10) });
        var before = node.GetState(new GetStateRequest());
        var e = Assert.Throws<RpcException>(() => node.ProgramFunction(new ProgramFunctionRequest { Function = "ScaledEndpoint", Kind = "service", Json = Service(11) }));

        Assert.Contains("svc_maglev", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, node.GetState(new GetStateRequest()));
    }
}
