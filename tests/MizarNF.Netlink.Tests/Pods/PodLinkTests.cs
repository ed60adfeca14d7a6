using System.Net;
using System.Net.NetworkInformation;
using MizarNF.Netlink.Tests.Fixtures;

namespace MizarNF.Netlink.Tests.Pods;

public sealed class PodLinkTests : TwoNamespaces
{
    private const int EEXIST = 17;
    private const int ENOENT = 2;

    [Fact]
    public void Create_Spec_EverythingTheDaemonsIpBatchesMade()
    {
        var index = PodLink.Create(Host, Spec("mnfpod0", PodNs.Name) with { OffloadsOff = true });

        var host = Ip.Link(HostNs.Name, "mnfpod0")!.Value;
        Assert.Equal(host.GetProperty("ifindex").GetInt32(), index);
        Assert.Equal(1450, host.GetProperty("mtu").GetInt32());
        Assert.Contains("UP", host.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var pod = Ip.Link(PodNs.Name, "eth0")!.Value;
        Assert.Equal("02:00:0a:01:02:03", pod.GetProperty("address").GetString());
        Assert.Equal(1450, pod.GetProperty("mtu").GetInt32());
        // LOWER_UP: carrier, set as both ends are up (operstate follows asynchronously, in linkwatch).
        Assert.Contains("LOWER_UP", pod.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("UP", Ip.Link(PodNs.Name, "lo")!.Value.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["10.1.2.3/24"], Ip.Addresses(PodNs.Name, "eth0"));
        Assert.Contains("default via 10.1.2.1 dev eth0", Ip.Routes(PodNs.Name));
        var features = Ip.Features(PodNs.Name, "eth0");
        Assert.Equal("off", features["tx-checksumming"]);
        Assert.Equal("off", features["tcp-segmentation-offload"]);
        Assert.Equal("off", features["generic-segmentation-offload"]);
    }

    [Fact]
    public void Create_WithoutOffloadsOff_LeavesThemOn()
    {
        PodLink.Create(Host, Spec("mnfpod0", PodNs.Path));

        Assert.Equal("on", Ip.Features(PodNs.Name, "eth0")["tx-checksumming"]);
    }

    [Fact]
    public void Create_FailsMidway_RollsBackBothEnds()
    {
        // The gateway is outside the pod's subnet: the route, after pair, address and links, fails.
        var spec = Spec("mnfpod0", PodNs.Name) with { Gateway = IPAddress.Parse("192.168.50.1") };

        var e = Assert.Throws<NetlinkException>(() => PodLink.Create(Host, spec));

        Assert.Contains("add route (RTM_NEWROUTE)", e.Message, StringComparison.Ordinal);
        Assert.Equal(PodNs.Name, e.Netns);
        Assert.Null(Ip.Link(HostNs.Name, "mnfpod0"));
        Assert.Null(Ip.Link(PodNs.Name, "eth0"));
    }

    [Fact]
    public void Create_HostNameTaken_ThrowsEexistAndKeepsTheExistingLink()
    {
        PodLink.Create(Host, Spec("mnfpod0", PodNs.Name));
        using var other = new TestNetns();

        var e = Assert.Throws<NetlinkException>(() => PodLink.Create(Host, Spec("mnfpod0", other.Name)));

        Assert.Equal(EEXIST, e.Errno);
        Assert.Contains("mnfpod0", e.Message, StringComparison.Ordinal);
        Assert.NotNull(Ip.Link(HostNs.Name, "mnfpod0"));
        Assert.NotNull(Ip.Link(PodNs.Name, "eth0"));
        Assert.Null(Ip.Link(other.Name, "eth0"));
    }

    [Fact]
    public void Create_MissingPodNetns_ThrowsEnoentAndMakesNothing()
    {
        var e = Assert.Throws<NetlinkException>(() => PodLink.Create(Host, Spec("mnfpod0", PodNs.Name + "-absent")));

        Assert.Equal(ENOENT, e.Errno);
        Assert.Null(Ip.Link(HostNs.Name, "mnfpod0"));
    }

    [Fact]
    public void Delete_Made_RemovesBothEnds()
    {
        PodLink.Create(Host, Spec("mnfpod0", PodNs.Name));

        Assert.True(PodLink.Delete(Host, "mnfpod0"));

        Assert.Null(Ip.Link(HostNs.Name, "mnfpod0"));
        Assert.Null(Ip.Link(PodNs.Name, "eth0"));
        Assert.False(PodLink.Delete(Host, "mnfpod0"));
    }

    [Fact]
    public void Create_FromSeveralThreads_EveryLinkComplete()
    {
        const int Threads = 4, PerThread = 4;
        var pods = new List<TestNetns>();
        try
        {
            for (var i = 0; i < Threads * PerThread; i++)
            {
                pods.Add(new TestNetns());
            }

            // One shared host client and, per thread, clients of their own pods: both in parallel.
            var indexes = new int[pods.Count];
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
            {
                for (var j = 0; j < PerThread; j++)
                {
                    var n = (t * PerThread) + j;
                    indexes[n] = PodLink.Create(Host, Spec($"mnfpod{n}", pods[n].Name) with { PodIp = IPAddress.Parse($"10.1.2.{10 + n}"), OffloadsOff = true });
                }
            });

            var hostLinks = Ip.Json(HostNs.Name, "link", "show").EnumerateArray().ToDictionary(l => l.GetProperty("ifname").GetString()!, l => l.GetProperty("ifindex").GetInt32());
            for (var n = 0; n < pods.Count; n++)
            {
                Assert.Equal(hostLinks[$"mnfpod{n}"], indexes[n]);
                Assert.Equal([$"10.1.2.{10 + n}/24"], Ip.Addresses(pods[n].Name, "eth0"));
                Assert.Contains("default via 10.1.2.1 dev eth0", Ip.Routes(pods[n].Name));
                Assert.Equal("off", Ip.Features(pods[n].Name, "eth0")["tx-checksumming"]);
            }

            Assert.Equal(indexes.Length, indexes.Distinct().Count());
        }
        finally
        {
            foreach (var p in pods)
            {
                p.Dispose();
            }
        }
    }

    private static PodLinkSpec Spec(string host, string netns) =>
        new(host, "eth0", netns, 1450, PhysicalAddress.Parse("02:00:0a:01:02:03"), IPAddress.Parse("10.1.2.3"), 24, IPAddress.Parse("10.1.2.1"));
}
