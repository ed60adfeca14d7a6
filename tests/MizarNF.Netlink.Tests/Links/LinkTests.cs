using System.Net.NetworkInformation;
using MizarNF.Netlink.Tests.Fixtures;

namespace MizarNF.Netlink.Tests.Links;

public sealed class LinkTests : TwoNamespaces
{
    private const int ENODEV = 19;
    private const int ENOENT = 2;
    private const int EEXIST = 17;

    public LinkTests() => Host.CreateVethPair(new VethPairSpec("v0", "v1"));

    [Fact]
    public void SetUp_Link_IpShowsUp()
    {
        Host.SetUp("v0");
        Host.SetUp("v1");

        Assert.Contains("UP", Ip.Link(HostNs.Name, "v0")!.Value.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("UP", Ip.Link(HostNs.Name, "v0")!.Value.GetProperty("operstate").GetString());
        Host.SetDown("v0");
        Assert.DoesNotContain("UP", Ip.Link(HostNs.Name, "v0")!.Value.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void SetMtuAndMac_Link_IpShowsThem()
    {
        Host.SetMtu("v0", 1400);
        Host.SetMac("v0", PhysicalAddress.Parse("02:12:34:56:78:9a"));

        var link = Ip.Link(HostNs.Name, "v0")!.Value;
        Assert.Equal(1400, link.GetProperty("mtu").GetInt32());
        Assert.Equal("02:12:34:56:78:9a", link.GetProperty("address").GetString());
    }

    [Fact]
    public void SetUp_MissingLink_ThrowsEnodevNamingLink()
    {
        var e = Assert.Throws<NetlinkException>(() => Host.SetUp("nosuch0"));

        Assert.Equal(ENODEV, e.Errno);
        Assert.Equal("nosuch0", e.Target);
        Assert.Contains("set link up (RTM_SETLINK) failed for 'nosuch0'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetMtu_AboveMaximum_ThrowsWithKernelTextAndKeepsMtu()
    {
        var e = Assert.Throws<NetlinkException>(() => Host.SetMtu("v0", 65536 + 100));

        Assert.Contains("MTU", e.KernelMessage ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1500, Ip.Link(HostNs.Name, "v0")!.Value.GetProperty("mtu").GetInt32());
    }

    [Fact]
    public void GetLink_Veth_MatchesIp()
    {
        Host.SetUp("v0");
        var ip = Ip.Link(HostNs.Name, "v0")!.Value;

        var link = Host.GetLink("v0")!;

        Assert.Equal(ip.GetProperty("ifindex").GetInt32(), link.Index);
        Assert.Equal("v0", link.Name);
        Assert.Equal(ip.GetProperty("address").GetString(), string.Join(':', link.Mac!.GetAddressBytes().Select(b => b.ToString("x2"))));
        Assert.Equal(1500, link.Mtu);
        Assert.True(link.IsUp);
        Assert.Equal("veth", link.Kind);
        Assert.Equal(Host.GetIndex("v1"), link.PeerIndex);
        Assert.Equal(link.Index, Host.GetIndex("v0"));
    }

    [Fact]
    public void GetLink_Missing_ReturnsNullAndGetIndexThrowsEnodev()
    {
        Assert.Null(Host.GetLink("nosuch0"));
        Assert.Equal(ENODEV, Assert.Throws<NetlinkException>(() => Host.GetIndex("nosuch0")).Errno);
    }

    [Fact]
    public void ListLinks_Namespace_SameAsIp()
    {
        var links = Host.ListLinks();

        Assert.Equal(Ip.LinkNames(HostNs.Name).Order(), links.Select(l => l.Name).Order());
        Assert.Contains(links, l => l.Name == "lo" && l.Kind is null);
    }

    [Fact]
    public void DeleteLink_Present_RemovesBothEndsAndReturnsTrue()
    {
        Assert.True(Host.DeleteLink("v0"));

        Assert.Null(Ip.Link(HostNs.Name, "v0"));
        Assert.Null(Ip.Link(HostNs.Name, "v1"));
        Assert.False(Host.DeleteLink("v0"));
    }

    [Fact]
    public void MoveToNetns_WithRename_LinkThereUnderNewName()
    {
        Host.MoveToNetns("v1", PodNs.Name, "eth0");

        Assert.Null(Ip.Link(HostNs.Name, "v1"));
        Assert.NotNull(Ip.Link(PodNs.Name, "eth0"));
        Assert.Equal(Pod.GetIndex("eth0"), Host.GetLink("v0")!.PeerIndex);
    }

    [Fact]
    public void MoveToNetns_ByOpenFileWithoutRename_KeepsName()
    {
        using var file = File.OpenHandle(PodNs.Path);

        Host.MoveToNetns("v1", file);

        Assert.NotNull(Ip.Link(PodNs.Name, "v1"));
    }

    [Fact]
    public void MoveToNetns_NameTakenThere_ThrowsEexistAndLinkStays()
    {
        Pod.CreateVethPair(new VethPairSpec("eth0", "other0"));

        var e = Assert.Throws<NetlinkException>(() => Host.MoveToNetns("v1", PodNs.Name, "eth0"));

        Assert.Equal(EEXIST, e.Errno);
        Assert.Contains("v1 as eth0", e.Message, StringComparison.Ordinal);
        Assert.NotNull(Ip.Link(HostNs.Name, "v1"));
    }

    [Fact]
    public void Dispose_ThenCall_ThrowsObjectDisposed()
    {
        var client = RtnetlinkClient.Open(HostNs.Name);
        Assert.Equal(Host.GetIndex("v0"), client.GetIndex("v0"));

        client.Dispose();
        client.Dispose();

        Assert.Throws<ObjectDisposedException>(() => client.GetIndex("v0"));
        Assert.Throws<ObjectDisposedException>(() => client.GetOffloads("v0"));
    }

    [Fact]
    public void MoveToNetns_RenameFailsAfterTheKernelMoved_MovesTheLinkBack()
    {
        // Without the look first, the kernel moves v1 and only then fails to rename it.
        Pod.CreateVethPair(new VethPairSpec("eth0", "other0"));
        using var file = File.OpenHandle(PodNs.Path);

        var e = Assert.Throws<NetlinkException>(() => Host.MoveToNetns("v1", file, "eth0", lookFirst: false));

        Assert.Equal(EEXIST, e.Errno);
        Assert.NotNull(Ip.Link(HostNs.Name, "v1"));
        Assert.Null(Ip.Link(PodNs.Name, "v1"));
        Assert.Equal(Host.GetIndex("v1"), Host.GetLink("v0")!.PeerIndex);
    }

    [Fact]
    public void Open_MissingNetns_ThrowsEnoentNamingIt()
    {
        var e = Assert.Throws<NetlinkException>(() => RtnetlinkClient.Open(PodNs.Name + "-absent"));

        Assert.Equal(ENOENT, e.Errno);
        Assert.Contains(PodNs.Name + "-absent", e.Message, StringComparison.Ordinal);
    }
}
