using System.Text.Json.Nodes;
using MizarNF.Cni.Tests.Fixtures;
using MizarNF.NodeApi.V1;

namespace MizarNF.Cni.Tests.Verbs;

/// <summary>ADD, DEL, CHECK, GC and STATUS against real node daemons, with traffic between the attached containers.</summary>
[Collection(CniNodesCollection.Name)]
public sealed class AttachTests(CniNodes nodes)
{
    [Fact]
    public void Add_ParkedEndpointsOnTwoNodes_ContainersPingThroughThePipelines()
    {
        var (ipA, ipB) = (nodes.NextIp(), nodes.NextIp());
        nodes.Park(1, "default.web-a", ipA);
        nodes.Park(2, "default.web-b", ipB);
        var (nsA, nsB) = (nodes.NewPodNetns("web-a"), nodes.NewPodNetns("web-b"));

        var a = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-web-a", nsA, args: "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-a"), nodes.Conf(1));
        var b = nodes.Cni(2, CniInvoker.Env("ADD", "ctr-web-b", nsB, args: "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-b"), nodes.Conf(2));

        Assert.True(a.Exit == 0, a.ToString());
        Assert.True(b.Exit == 0, b.ToString());
        var result = a.Json;
        Assert.Equal("1.1.0", result.GetProperty("cniVersion").GetString());
        var pod = result.GetProperty("interfaces")[1];
        Assert.Equal("eth0", pod.GetProperty("name").GetString());
        Assert.Equal(nsA, pod.GetProperty("sandbox").GetString());
        Assert.StartsWith("mnf", result.GetProperty("interfaces")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{ipA}/24", result.GetProperty("ips")[0].GetProperty("address").GetString());
        Assert.Equal(1, result.GetProperty("ips")[0].GetProperty("interface").GetInt32());
        Assert.Equal(CniNodes.Gateway, result.GetProperty("routes")[0].GetProperty("gw").GetString());
        Assert.Contains($"inet {ipA}/24", nodes.Exec(nsA, "ip", "-4", "addr", "show", "dev", "eth0").Output, StringComparison.Ordinal);
        Assert.True(nodes.Ping(nsA, ipB), $"{ipA} -> {ipB}");
        Assert.True(nodes.Ping(nsB, ipA), $"{ipB} -> {ipA}");
        Assert.Equal("attached", nodes.Client(1).GetEndpoint(new GetEndpointRequest { Id = "default.web-a" }).State);
    }

    [Fact]
    public void Add_Repeated_SameResult()
    {
        var ip = nodes.NextIp();
        nodes.Park(1, "again", ip);
        var ns = nodes.NewPodNetns("again");
        var env = CniInvoker.Env("ADD", "ctr-again", ns, args: "K8S_POD_NAME=again");

        var first = nodes.Cni(1, env, nodes.Conf(1));
        var second = nodes.Cni(1, env, nodes.Conf(1));

        Assert.True(second.Exit == 0, second.ToString());
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public void Add_OldVersions_ResultInThatVersionsFormat()
    {
        foreach (var version in new[] { "0.3.1", "0.4.0", "1.0.0" })
        {
            var ip = nodes.NextIp();
            var id = "v" + version.Replace(".", string.Empty, StringComparison.Ordinal);
            nodes.Park(1, id, ip);
            var run = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-" + id, nodes.NewPodNetns(id), args: "MIZARNF_ENDPOINT=" + id), nodes.Conf(1, version));

            Assert.True(run.Exit == 0, run.ToString());
            Assert.Equal(version, run.Json.GetProperty("cniVersion").GetString());
            var ipEntry = run.Json.GetProperty("ips")[0];
            Assert.Equal(version != "1.0.0", ipEntry.TryGetProperty("version", out _));
            Assert.False(run.Json.GetProperty("interfaces")[1].TryGetProperty("mtu", out _));
        }
    }

    [Fact]
    public void Add_PrevResult_KeptAndOursAppended()
    {
        var ip = nodes.NextIp();
        nodes.Park(1, "chained", ip);
        var ns = nodes.NewPodNetns("chained");
        var conf = nodes.Conf(1, edit: o => o["prevResult"] = JsonNode.Parse("""{"cniVersion":"1.1.0","interfaces":[{"name":"lo","sandbox":"x"}],"ips":[{"address":"127.0.0.1/8","interface":0}],"dns":{"nameservers":["10.96.0.10"]}}"""));

        var run = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-chained", ns, args: "K8S_POD_NAME=chained"), conf);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal(3, run.Json.GetProperty("interfaces").GetArrayLength());
        Assert.Equal("127.0.0.1/8", run.Json.GetProperty("ips")[0].GetProperty("address").GetString());
        Assert.Equal(2, run.Json.GetProperty("ips")[1].GetProperty("interface").GetInt32());
        Assert.Equal("10.96.0.10", run.Json.GetProperty("dns").GetProperty("nameservers")[0].GetString());
    }

    [Fact]
    public async Task Add_NothingProvisioned_WaitsForTheControlPlane()
    {
        var ip = nodes.NextIp();
        var ns = nodes.NewPodNetns("late");
        var conf = nodes.Conf(1, edit: o => o["waitForEndpointSeconds"] = 20);
        var add = Task.Run(() => nodes.Cni(1, CniInvoker.Env("ADD", "ctr-late", ns, args: "K8S_POD_NAME=late"), conf));
        await Task.Delay(500);
        nodes.Park(1, "late", ip);

        var run = await add;

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal($"{ip}/24", run.Json.GetProperty("ips")[0].GetProperty("address").GetString());
    }

    [Fact]
    public void Add_NothingProvisionedInTime_TryAgainLater()
    {
        var ns = nodes.NewPodNetns("never");
        var run = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-never", ns, args: "K8S_POD_NAME=never"), nodes.Conf(1, edit: o => o["waitForEndpointSeconds"] = 0.3));

        Assert.Equal(11, run.Code);
        Assert.Contains("no endpoint 'never'", run.Json.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Add_StaticEndpointSection_MadeFromTheConfig()
    {
        var ip = nodes.NextIp();
        var ns = nodes.NewPodNetns("static");
        var conf = nodes.Conf(1, edit: o => o["endpoint"] = new JsonObject
        {
            ["vni"] = CniNodes.Vni,
            ["subnet"] = "10.7.1.0/24",
            ["gateway"] = CniNodes.Gateway,
            ["bouncers"] = new JsonArray(nodes.Node(2).Address.ToString()),
        });

        var missingIp = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-static", ns, args: "K8S_POD_NAME=static"), conf);
        var run = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-static", ns, args: $"K8S_POD_NAME=static;IP={ip}"), conf);

        Assert.Equal(7, missingIp.Code);
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal($"{ip}/24", run.Json.GetProperty("ips")[0].GetProperty("address").GetString());
        Assert.Equal("attached", nodes.Client(1).GetEndpoint(new GetEndpointRequest { Id = "static" }).State);
    }

    [Fact]
    public void Add_EndpointOfAnotherLiveContainer_Conflict()
    {
        nodes.Park(1, "taken", nodes.NextIp());
        var first = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-taken-1", nodes.NewPodNetns("taken1"), args: "K8S_POD_NAME=taken"), nodes.Conf(1));
        var second = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-taken-2", nodes.NewPodNetns("taken2"), args: "K8S_POD_NAME=taken"), nodes.Conf(1));

        Assert.Equal(0, first.Exit);
        Assert.Equal(101, second.Code);
    }

    [Fact]
    public void Del_RepeatedAndUnknown_Succeeds_AndNextSandboxGetsTheEndpoint()
    {
        var ip = nodes.NextIp();
        nodes.Park(1, "redo", ip);
        var ns1 = nodes.NewPodNetns("redo1");
        Assert.Equal(0, nodes.Cni(1, CniInvoker.Env("ADD", "ctr-redo-1", ns1, args: "K8S_POD_NAME=redo"), nodes.Conf(1)).Exit);

        var del = nodes.Cni(1, CniInvoker.Env("DEL", "ctr-redo-1", ns1), nodes.Conf(1));
        var again = nodes.Cni(1, CniInvoker.Env("DEL", "ctr-redo-1", ns1), nodes.Conf(1));
        var unknown = nodes.Cni(1, CniInvoker.Env("DEL", "ctr-never-was"), nodes.Conf(1));

        Assert.True(del.Exit == 0 && del.Stdout.Length == 0, del.ToString());
        Assert.True(again.Exit == 0, again.ToString());
        Assert.True(unknown.Exit == 0, unknown.ToString());
        Assert.DoesNotContain("eth0", nodes.Exec(ns1, "ip", "-br", "link").Output, StringComparison.Ordinal);
        Assert.Equal("detached", nodes.Client(1).GetEndpoint(new GetEndpointRequest { Id = "redo" }).State);

        var ns2 = nodes.NewPodNetns("redo2");
        var next = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-redo-2", ns2, args: "K8S_POD_NAME=redo"), nodes.Conf(1));
        Assert.True(next.Exit == 0, next.ToString());
        Assert.Contains($"inet {ip}/24", nodes.Exec(ns2, "ip", "-4", "addr", "show", "dev", "eth0").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Del_HalfFinishedAdd_SucceedsAndLeavesNoInterface()
    {
        nodes.Park(1, "half", nodes.NextIp());
        // A path that exists but is no network namespace: the daemon fails moving the pod end into it.
        var bogus = Path.Combine(nodes.Bed.RunDirectory, "not-a-netns");
        File.WriteAllText(bogus, string.Empty);

        var add = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-half", bogus, args: "K8S_POD_NAME=half"), nodes.Conf(1));
        var del = nodes.Cni(1, CniInvoker.Env("DEL", "ctr-half", bogus), nodes.Conf(1));

        Assert.NotEqual(0, add.Exit);
        Assert.Equal(0, del.Exit);
        var endpoint = nodes.Client(1).GetEndpoint(new GetEndpointRequest { Id = "half" });
        Assert.Equal("parked", endpoint.State); // the failed ADD removed what it made
        Assert.DoesNotContain(nodes.Client(1).ListAttachments(new ListAttachmentsRequest()).Attachments, x => x.ContainerId == "ctr-half");
    }

    [Fact]
    public void Del_AfterDaemonRestart_Detaches()
    {
        nodes.Park(1, "restart", nodes.NextIp());
        var ns = nodes.NewPodNetns("restart");
        Assert.Equal(0, nodes.Cni(1, CniInvoker.Env("ADD", "ctr-restart", ns, args: "K8S_POD_NAME=restart"), nodes.Conf(1)).Exit);

        nodes.Bed.StartDaemon(nodes.Bed.KillDaemon(nodes.Node(1)));
        var check = nodes.Cni(1, CniInvoker.Env("CHECK", "ctr-restart", ns), nodes.Conf(1, edit: o => o["prevResult"] = PrevResultOf(1, "restart", ns)));
        var del = nodes.Cni(1, CniInvoker.Env("DEL", "ctr-restart", ns), nodes.Conf(1));

        Assert.True(check.Exit == 0, check.ToString());
        Assert.True(del.Exit == 0, del.ToString());
        Assert.DoesNotContain("eth0", nodes.Exec(ns, "ip", "-br", "link").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AsMade_Succeeds_ThenReportsWhatDiffers()
    {
        var ip = nodes.NextIp();
        nodes.Park(1, "checked", ip);
        var ns = nodes.NewPodNetns("checked");
        var add = nodes.Cni(1, CniInvoker.Env("ADD", "ctr-checked", ns, args: "K8S_POD_NAME=checked"), nodes.Conf(1));
        var conf = nodes.Conf(1, edit: o => o["prevResult"] = JsonNode.Parse(add.Stdout));

        var ok = nodes.Cni(1, CniInvoker.Env("CHECK", "ctr-checked", ns), conf);
        nodes.Exec(ns, "ip", "addr", "del", $"{ip}/24", "dev", "eth0");
        var broken = nodes.Cni(1, CniInvoker.Env("CHECK", "ctr-checked", ns), conf);
        var unknown = nodes.Cni(1, CniInvoker.Env("CHECK", "ctr-nobody", ns), conf);
        var noPrev = nodes.Cni(1, CniInvoker.Env("CHECK", "ctr-checked", ns), nodes.Conf(1));

        Assert.True(ok.Exit == 0 && ok.Stdout.Length == 0, ok.ToString());
        Assert.Equal(102, broken.Code);
        Assert.Contains($"address {ip}/24 missing", broken.Json.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Contains("no default route", broken.Json.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, unknown.Code);
        Assert.Contains("prevResult", noPrev.Json.GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Gc_RemovesAttachmentsNotInTheValidList()
    {
        nodes.Park(2, "gc-keep", nodes.NextIp());
        nodes.Park(2, "gc-drop", nodes.NextIp());
        var keepNs = nodes.NewPodNetns("gc-keep");
        var dropNs = nodes.NewPodNetns("gc-drop");
        Assert.Equal(0, nodes.Cni(2, CniInvoker.Env("ADD", "ctr-gc-keep", keepNs, args: "K8S_POD_NAME=gc-keep"), nodes.Conf(2)).Exit);
        Assert.Equal(0, nodes.Cni(2, CniInvoker.Env("ADD", "ctr-gc-drop", dropNs, args: "K8S_POD_NAME=gc-drop"), nodes.Conf(2)).Exit);
        var others = nodes.Client(2).ListAttachments(new ListAttachmentsRequest()).Attachments.Where(a => !a.ContainerId.StartsWith("ctr-gc-", StringComparison.Ordinal)).ToList();
        var valid = new JsonArray([.. others.Select(a => (JsonNode)new JsonObject { ["containerID"] = a.ContainerId, ["ifname"] = a.Ifname }),
            new JsonObject { ["containerID"] = "ctr-gc-keep", ["ifname"] = "eth0" }]);

        var gc = nodes.Cni(2, CniInvoker.Env("GC"), nodes.Conf(2, edit: o => o["cni.dev/valid-attachments"] = valid));

        Assert.True(gc.Exit == 0, gc.ToString());
        var left = nodes.Client(2).ListAttachments(new ListAttachmentsRequest()).Attachments.Select(a => a.ContainerId).ToList();
        Assert.Contains("ctr-gc-keep", left);
        Assert.DoesNotContain("ctr-gc-drop", left);
        Assert.Equal(others.Count + 1, left.Count);
        Assert.DoesNotContain("eth0", nodes.Exec(dropNs, "ip", "-br", "link").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_NodeUp_Succeeds()
    {
        var run = nodes.Cni(1, CniInvoker.Env("STATUS"), nodes.Conf(1));

        Assert.True(run.Exit == 0 && run.Stdout.Length == 0, run.ToString());
    }

    private JsonNode PrevResultOf(int node, string id, string netns)
    {
        var e = nodes.Client(node).GetEndpoint(new GetEndpointRequest { Id = id });
        return new JsonObject
        {
            ["cniVersion"] = "1.1.0",
            ["interfaces"] = new JsonArray(new JsonObject { ["name"] = e.HostIfname }, new JsonObject { ["name"] = "eth0", ["mac"] = e.Mac, ["sandbox"] = netns }),
            ["ips"] = new JsonArray(new JsonObject { ["address"] = $"{e.Ip}/{e.PrefixLength}", ["interface"] = 1 }),
        };
    }
}
