using System.Net.NetworkInformation;
using MizarNF.Netlink.Tests.Fixtures;

namespace MizarNF.Netlink.Tests.Links;

public sealed class VethPairTests : TwoNamespaces
{
    private const int EEXIST = 17;
    private const int ENOENT = 2;
    private const int EADDRNOTAVAIL = 99;

    [Fact]
    public void CreateVethPair_PeerInOtherNetns_BothEndsWithMtuAndMac()
    {
        Host.CreateVethPair(new VethPairSpec("h0", "eth0") { Mtu = 1450, PeerMac = PhysicalAddress.Parse("02:aa:bb:cc:dd:01"), PeerNetns = PodNs.Name });

        var host = Ip.Link(HostNs.Name, "h0")!.Value;
        var pod = Ip.Link(PodNs.Name, "eth0")!.Value;
        Assert.Equal(1450, host.GetProperty("mtu").GetInt32());
        Assert.Equal(1450, pod.GetProperty("mtu").GetInt32());
        Assert.Equal("02:aa:bb:cc:dd:01", pod.GetProperty("address").GetString());
        Assert.DoesNotContain("eth0", Ip.LinkNames(HostNs.Name));
        Assert.DoesNotContain("h0", Ip.LinkNames(PodNs.Name));
    }

    [Fact]
    public void CreateVethPair_SameNetns_BothEndsHere()
    {
        Host.CreateVethPair(new VethPairSpec("x0", "x1") { Mac = PhysicalAddress.Parse("02:00:00:00:00:0a") });

        Assert.Contains("x1", Ip.LinkNames(HostNs.Name));
        Assert.Equal("02:00:00:00:00:0a", Ip.Link(HostNs.Name, "x0")!.Value.GetProperty("address").GetString());
        Assert.Equal(1500, Ip.Link(HostNs.Name, "x0")!.Value.GetProperty("mtu").GetInt32());
    }

    [Fact]
    public void CreateVethPair_DuplicateName_ThrowsEexistNamingTheLink()
    {
        Host.CreateVethPair(new VethPairSpec("dup0", "p0") { PeerNetns = PodNs.Name });

        var e = Assert.Throws<NetlinkException>(() => Host.CreateVethPair(new VethPairSpec("dup0", "p1") { PeerNetns = PodNs.Name }));

        Assert.Equal(EEXIST, e.Errno);
        Assert.Contains("create veth pair (RTM_NEWLINK)", e.Message, StringComparison.Ordinal);
        Assert.Contains("dup0", e.Message, StringComparison.Ordinal);
        Assert.Contains("File exists", e.Message, StringComparison.Ordinal);
        Assert.Equal(HostNs.Name, e.Netns);
        Assert.DoesNotContain("p1", Ip.LinkNames(PodNs.Name));
        Assert.Contains("p0", Ip.LinkNames(PodNs.Name)); // the first pair is untouched
    }

    [Fact]
    public void CreateVethPair_MissingNetns_ThrowsEnoentAndMakesNothing()
    {
        var missing = PodNs.Name + "-absent";

        var e = Assert.Throws<NetlinkException>(() => Host.CreateVethPair(new VethPairSpec("m0", "m1") { PeerNetns = missing }));

        Assert.Equal(ENOENT, e.Errno);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Null(Ip.Link(HostNs.Name, "m0"));
    }

    [Fact]
    public void CreateVethPair_MtuAboveVethMaximum_ThrowsNamingLinkAndMakesNothing()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Host.CreateVethPair(new VethPairSpec("big0", "big1") { Mtu = 70000, PeerNetns = PodNs.Name }));

        Assert.Contains("MTU of big0 above a veth's maximum of 65535", e.Message, StringComparison.Ordinal);
        Assert.Null(Ip.Link(HostNs.Name, "big0"));
        Assert.Null(Ip.Link(PodNs.Name, "big1"));
    }

    [Fact]
    public void CreateVethPair_MulticastMac_ThrowsKernelErrorAndMakesNothing()
    {
        var e = Assert.Throws<NetlinkException>(() => Host.CreateVethPair(new VethPairSpec("mc0", "mc1") { PeerMac = PhysicalAddress.Parse("01:00:5e:00:00:01"), PeerNetns = PodNs.Name }));

        Assert.Equal(EADDRNOTAVAIL, e.Errno);
        Assert.Contains("create veth pair (RTM_NEWLINK) failed for 'mc0/mc1'", e.Message, StringComparison.Ordinal);
        Assert.Null(Ip.Link(HostNs.Name, "mc0"));
        Assert.Null(Ip.Link(PodNs.Name, "mc1"));
    }

    [Fact]
    public void CreateVethPair_MtuBelowIPv4Minimum_ThrowsBeforeSending()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Host.CreateVethPair(new VethPairSpec("s0", "s1") { Mtu = 60 }));

        Assert.Null(Ip.Link(HostNs.Name, "s0"));
    }

    [Theory]
    [InlineData("a-name-too-long-16")]
    [InlineData("has/slash")]
    [InlineData("has space")]
    [InlineData("")]
    public void CreateVethPair_InvalidName_ThrowsArgumentException(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => Host.CreateVethPair(new VethPairSpec(name, "ok0")));

        Assert.Null(Ip.Link(HostNs.Name, "ok0"));
    }
}
