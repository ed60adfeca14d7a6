using System.Text.Json.Nodes;
using MizarNF.ControlPlane.Objects;
using Xunit.Abstractions;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Operator;

/// <summary>Starting from a list, resuming watches from resourceVersions, re-listing on 410 Gone.</summary>
public sealed class WatchResumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Start_ListedVpcWithStatus_KeepsItsVniAndWatchesFromTheListVersion()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        var status = new JsonObject
        {
            ["vni"] = 4242,
            ["dividers"] = new JsonArray("node-1"),
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Ready", ["status"] = "True", ["reason"] = "Placed", ["message"] = "VNI 4242", ["lastTransitionTime"] = "2025-01-01T00:00:00+00:00",
            }),
        };
        h.Server.Nodes.SetList("10", Kube.Node("node-1", "192.0.2.1", "02:00:00:00:00:01", "5"));
        h.Server.Vpcs.SetList("10", Kube.Vpc("blue", "10.1.0.0/16", "7", status, "mizarnf.io/cleanup"));

        await h.RunLeadingAsync();

        var patch = await Cluster.ReadyStatusAsync(h.Server, "/apis/mizarnf.io/v1/vpcs/blue/status");
        Assert.Equal(4242, patch.Json["status"]!["vni"]!.GetValue<int>());
        Assert.All(h.Server.Requests.Where(r => r.IsWatch), r => Assert.Contains("resourceVersion=10", r.Query, StringComparison.Ordinal));
        Assert.DoesNotContain(h.Server.Requests, r => r.Path == "/apis/mizarnf.io/v1/vpcs/blue"); // the finalizer was there already
    }

    [Fact]
    public async Task Watch_StreamEndsOrExpires_ResumesFromLastVersionOrRelists()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        h.Server.Nodes.SetList("10", Kube.Node("node-1", "192.0.2.1", "02:00:00:00:00:01", "5"));
        h.Server.Vpcs.SetList("10", Kube.Vpc("blue", "10.1.0.0/16", "7"));
        await h.RunLeadingAsync();
        await OperatorHarness.UntilAsync(() => h.Operator.Store!.Get<Vpc>("blue")?.IsReady == true, "blue");

        h.Server.Vpcs.Push("MODIFIED", Kube.Vpc("blue", "10.1.0.0/16", "15"));
        h.Server.Vpcs.EndWatch();
        await h.Server.WaitForAsync(r => r.Path == "/apis/mizarnf.io/v1/vpcs" && r.IsWatch && r.Query.Contains("resourceVersion=15", StringComparison.Ordinal));

        h.Server.Vpcs.SetList("40", Kube.Vpc("green", "10.2.0.0/16", "38"));
        h.Server.Vpcs.ExpireWatch("15");

        await h.Server.WaitForAsync(r => r.Path == "/apis/mizarnf.io/v1/vpcs" && r.IsWatch && r.Query.Contains("resourceVersion=40", StringComparison.Ordinal));
        Assert.Equal(2, h.Server.Requests.Count(r => r.Path == "/apis/mizarnf.io/v1/vpcs" && !r.IsWatch));
        await OperatorHarness.UntilAsync(() => h.Operator.Store!.Get<Vpc>("green")?.IsReady == true, "green from the new list");
        await OperatorHarness.UntilAsync(() => h.Operator.Store!.Get<Vpc>("blue") is null, "blue, gone from the new list, to be deleted");
    }
}
