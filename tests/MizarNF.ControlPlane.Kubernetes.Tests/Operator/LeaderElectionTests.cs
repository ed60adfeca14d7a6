using MizarNF.ControlPlane.Kubernetes.Tests.FakeApi;
using Xunit.Abstractions;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Operator;

/// <summary>Only the holder of the mizarnf-system/mizarnf-operator Lease watches.</summary>
public sealed class LeaderElectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_LeaseHeldByAnother_DoesNotTakeItNorWatch()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        h.Server.Lease = Kube.Lease("operator-b");

        h.Run();
        await h.Server.WaitForAsync(r => r.Method == "GET" && r.Path == FakeApiServer.LeasePath + "/mizarnf-operator");
        await Task.Delay(TimeSpan.FromSeconds(2)); // four retry periods

        Assert.All(h.Server.Requests, r => Assert.Equal("GET", r.Method));
        Assert.All(h.Server.Requests, r => Assert.StartsWith(FakeApiServer.LeasePath, r.Path, StringComparison.Ordinal));
        Assert.False(h.Operator.IsLeading);
        Assert.Equal("operator-b", h.Server.Lease!["spec"]!["holderIdentity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_NoLease_CreatesItAndStartsWatching()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);

        await h.RunLeadingAsync();

        var create = await h.Server.WaitForAsync(r => r.Method == "POST" && r.Path == FakeApiServer.LeasePath);
        Assert.Equal("operator-a", create.Json["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(3, create.Json["spec"]!["leaseDurationSeconds"]!.GetValue<int>());
        Assert.Equal("mizarnf-operator", create.Json["metadata"]!["name"]!.GetValue<string>());
        Assert.True(h.Operator.IsLeading);
        var renew = await h.Server.WaitForAsync(r => r.Method == "PUT" && r.Path == FakeApiServer.LeasePath + "/mizarnf-operator");
        Assert.Equal("operator-a", renew.Json["spec"]!["holderIdentity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_LeaseReleased_TakesItWithPutAndStartsWatching()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        h.Server.Lease = Kube.Lease(string.Empty);

        await h.RunLeadingAsync();

        var take = await h.Server.WaitForAsync(r => r.Method == "PUT" && r.Path == FakeApiServer.LeasePath + "/mizarnf-operator");
        Assert.Equal("operator-a", take.Json["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(4, take.Json["spec"]!["leaseTransitions"]!.GetValue<int>());
        Assert.DoesNotContain(h.Server.Requests, r => r.Method == "POST");
        Assert.True(h.Operator.IsLeading);
    }

    [Fact]
    public async Task Run_LeaseTakenOverByAnother_StopsLeadingAndClosesEveryWatch()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        Assert.Equal(8, h.Server.ActiveWatches); // Nodes, Pods, Services, EndpointSlices, vpcs, subnets, endpoints, mizarservices

        h.Server.Lease = Kube.Lease("operator-b"); // another replica's write: our renewals now conflict (409)

        await OperatorHarness.UntilAsync(() => !h.Operator.IsLeading, "the operator to stop leading");
        await OperatorHarness.UntilAsync(() => h.Server.ActiveWatches == 0, "every watch stream to close");
        var watches = h.Server.Requests.Count(r => r.IsWatch);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(watches, h.Server.Requests.Count(r => r.IsWatch));
        Assert.Equal("operator-b", h.Server.Lease!["spec"]!["holderIdentity"]!.GetValue<string>());
    }
}
