using System.Net;
using MizarNF.Netlink.Tests.Fixtures;

namespace MizarNF.Netlink.Tests.Routes;

public sealed class RouteTests : TwoNamespaces
{
    private const int EEXIST = 17;

    public RouteTests()
    {
        Pod.CreateVethPair(new VethPairSpec("eth0", "peer0"));
        Pod.SetUp("eth0");
        Pod.SetUp("peer0");
        Pod.AddAddress("eth0", IPAddress.Parse("10.1.2.3"), 24);
    }

    [Fact]
    public void AddDefaultRoute_ViaGateway_IpShowsItAndListRoutesToo()
    {
        Pod.AddDefaultRoute(IPAddress.Parse("10.1.2.1"), "eth0");

        Assert.Contains("default via 10.1.2.1 dev eth0", Ip.Routes(PodNs.Name));
        var route = Assert.Single(Pod.ListRoutes("eth0"), r => r.Destination.PrefixLength == 0);
        Assert.Equal(IPAddress.Parse("10.1.2.1"), route.Gateway);
        Assert.Equal(Pod.GetIndex("eth0"), route.Index);
        Assert.Contains(Pod.ListRoutes("eth0"), r => r.Destination == IPNetwork.Parse("10.1.2.0/24") && r.Gateway is null);
    }

    [Fact]
    public void AddRoute_OnLinkAndViaGateway_IpShowsBoth()
    {
        Pod.AddRoute(IPNetwork.Parse("192.168.7.0/24"), null, "eth0");
        Pod.AddRoute(IPNetwork.Parse("172.16.0.0/16"), IPAddress.Parse("10.1.2.254"), "eth0");

        var routes = Ip.Routes(PodNs.Name);
        Assert.Contains("192.168.7.0/24 dev eth0", routes);
        Assert.Contains("172.16.0.0/16 via 10.1.2.254 dev eth0", routes);
    }

    [Fact]
    public void AddRoute_Twice_ThrowsEexist()
    {
        Pod.AddDefaultRoute(IPAddress.Parse("10.1.2.1"), "eth0");

        var e = Assert.Throws<NetlinkException>(() => Pod.AddDefaultRoute(IPAddress.Parse("10.1.2.1"), "eth0"));

        Assert.Equal(EEXIST, e.Errno);
        Assert.Contains("0.0.0.0/0 via 10.1.2.1 dev eth0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRoute_GatewayNotOnLink_ThrowsWithKernelText()
    {
        var e = Assert.Throws<NetlinkException>(() => Pod.AddDefaultRoute(IPAddress.Parse("192.168.99.1"), "eth0"));

        Assert.Contains("add route (RTM_NEWROUTE)", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.KernelMessage);
        Assert.DoesNotContain(Ip.Routes(PodNs.Name), r => r.StartsWith("default", StringComparison.Ordinal));
    }

    [Fact]
    public void DeleteRoute_Present_GoneAndAbsentReturnsFalse()
    {
        Pod.AddDefaultRoute(IPAddress.Parse("10.1.2.1"), "eth0");

        Assert.True(Pod.DeleteRoute(IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("10.1.2.1"), "eth0"));

        Assert.DoesNotContain(Ip.Routes(PodNs.Name), r => r.StartsWith("default", StringComparison.Ordinal));
        Assert.False(Pod.DeleteRoute(IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("10.1.2.1"), "eth0"));
    }
}
