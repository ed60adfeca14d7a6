using MizarNF.Netlink.Tests.Fixtures;

namespace MizarNF.Netlink.Tests.Ethtool;

public sealed class OffloadTests : TwoNamespaces
{
    private const int ENODEV = 19;

    public OffloadTests() => Pod.CreateVethPair(new VethPairSpec("eth0", "peer0"));

    [Fact]
    public void SetOffloads_AllOff_EthtoolShowsThemOff()
    {
        Assert.Equal("on", Ip.Features(PodNs.Name, "eth0")["tx-checksumming"]); // veth starts with them on

        Pod.SetOffloads("eth0", Offloads.All, enabled: false);

        var features = Ip.Features(PodNs.Name, "eth0");
        Assert.Equal("off", features["tx-checksumming"]);
        Assert.Equal("off", features["tcp-segmentation-offload"]);
        Assert.Equal("off", features["generic-segmentation-offload"]);
        Assert.Equal(Offloads.None, Pod.GetOffloads("eth0"));
        Assert.Equal("on", Ip.Features(PodNs.Name, "peer0")["tx-checksumming"]);
    }

    [Fact]
    public void SetOffloads_OffThenOn_EthtoolShowsThemOn()
    {
        Pod.SetOffloads("eth0", Offloads.All, enabled: false);

        Pod.SetOffloads("eth0", Offloads.All, enabled: true);

        var features = Ip.Features(PodNs.Name, "eth0");
        Assert.Equal("on", features["tx-checksumming"]);
        Assert.Equal("on", features["generic-segmentation-offload"]);
        Assert.Equal(Offloads.All, Pod.GetOffloads("eth0"));
    }

    [Fact]
    public void SetOffloads_OnlyGso_LeavesTxChecksumming()
    {
        Pod.SetOffloads("eth0", Offloads.Gso, enabled: false);

        var features = Ip.Features(PodNs.Name, "eth0");
        Assert.Equal("on", features["tx-checksumming"]);
        Assert.Equal("off", features["generic-segmentation-offload"]);
    }

    [Fact]
    public void SetOffloads_LinkInAnotherNamespace_ThrowsEnodev()
    {
        var e = Assert.Throws<NetlinkException>(() => Host.SetOffloads("eth0", Offloads.All, enabled: false));

        Assert.Equal(ENODEV, e.Errno);
        Assert.Contains("SIOCETHTOOL", e.Message, StringComparison.Ordinal);
        Assert.Contains("failed for 'eth0'", e.Message, StringComparison.Ordinal);
        Assert.Equal("on", Ip.Features(PodNs.Name, "eth0")["tx-checksumming"]);
    }
}
