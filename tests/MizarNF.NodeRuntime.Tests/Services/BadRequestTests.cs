using Grpc.Core;
using MizarNF.NodeApi.V1;
using MizarNF.NodeRuntime.Tests.Fixtures;

namespace MizarNF.NodeRuntime.Tests.Services;

/// <summary>Bad requests get a clear gRPC error and leave the node as it was.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BadRequestTests(ClusterFixture cluster)
{
    public static TheoryData<string, StatusCode, string> Cases() => new()
    {
        { "unknown-vpc", StatusCode.InvalidArgument, "unknown VPC" },
        { "outside-subnet", StatusCode.InvalidArgument, "outside the subnet" },
        { "gateway-address", StatusCode.InvalidArgument, "gateway address" },
        { "duplicate", StatusCode.AlreadyExists, "already endpoint 'p1'" },
        { "bad-mac", StatusCode.InvalidArgument, "not a MAC address" },
        { "no-netns", StatusCode.InvalidArgument, "does not exist" },
        { "no-bouncer", StatusCode.InvalidArgument, "1 to 8 subnet bouncers" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProvisionEndpoint_BadRequest_RefusedAndStateUnchanged(string kind, StatusCode code, string message)
    {
        var node = cluster.Client(1);
        var before = node.GetState(new GetStateRequest());
        var netns = cluster.Pod("p1").Netns;
        var r = cluster.Request("bad-" + kind, 1, ClusterFixture.Vpc1, "10.1.1.99", "10.1.1.1", netns);
        switch (kind)
        {
            case "unknown-vpc": r.Vni = 0; break;
            case "outside-subnet": r.Gateway = "10.1.9.1"; break;
            case "gateway-address": r.Ip = "10.1.1.1"; break;
            case "duplicate": r.Ip = cluster.Pod("p1").Ip; break;
            case "bad-mac": r.Mac = "02:00:zz:00:00:01"; break;
            case "no-netns": r.Netns = "mnf-no-such-netns"; break;
            case "no-bouncer": r.SubnetBouncers.Clear(); break;
        }

        var e = Assert.Throws<RpcException>(() => node.ProvisionEndpoint(r));

        Assert.Equal(code, e.StatusCode);
        Assert.Contains(message, e.Status.Detail);
        Assert.Equal(before, node.GetState(new GetStateRequest()));
    }

    [Fact]
    public void ProvisionEndpoint_SameRequestTwice_ReturnsTheSameEndpoint()
    {
        var p1 = cluster.Pod("p1");
        var again = cluster.Client(1).ProvisionEndpoint(cluster.Request("p1", 1, p1.Vni, p1.Ip, p1.Gateway, p1.Netns));

        Assert.Equal(cluster.Client(1).GetEndpoint(new GetEndpointRequest { Id = "p1" }), again);
    }

    [Fact]
    public void ProgramFunction_UnknownFunctionOrMalformedJson_Refused()
    {
        var node = cluster.Client(2);
        var before = node.GetState(new GetStateRequest());

        var unknown = Assert.Throws<RpcException>(() => node.ProgramFunction(new ProgramFunctionRequest { Function = "Nope", Kind = "x", Json = "[]" }));
        var malformed = Assert.Throws<RpcException>(() => node.ProgramFunction(new ProgramFunctionRequest { Function = "Bouncer", Kind = "endpoint", Json = "[{\"vni\":" }));
        var outside = Assert.Throws<RpcException>(() => node.ProgramFunction(new ProgramFunctionRequest { Function = "Bouncer", Kind = "endpoint", Json = "[{\"vni\":100,\"ip\":\"10.8.0.1\",\"host\":\"1.2.3.4\",\"mac\":\"02:00:00:00:00:09\"}]" }));

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("malformed JSON", malformed.Status.Detail);
        Assert.Contains("not in any subnet this node bounces", outside.Status.Detail);
        Assert.Equal(before, node.GetState(new GetStateRequest()));
    }

    [Fact]
    public void DeleteEndpoint_Twice_SecondSaysItWasNotThere()
    {
        var netns = cluster.Bed.CreatePodNamespace("del");
        var node = cluster.Client(1);
        node.ProvisionEndpoint(cluster.Request("del", 1, ClusterFixture.Vpc1, "10.1.1.77", "10.1.1.1", netns));

        Assert.True(node.DeleteEndpoint(new DeleteEndpointRequest { Id = "del" }).Existed);
        Assert.False(node.DeleteEndpoint(new DeleteEndpointRequest { Id = "del" }).Existed);
        Assert.DoesNotContain(node.ListEndpoints(new ListEndpointsRequest()).Endpoints, e => e.Id == "del");
    }
}
