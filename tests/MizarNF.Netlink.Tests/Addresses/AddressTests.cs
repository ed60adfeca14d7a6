using System.Net;
using MizarNF.Netlink.Tests.Fixtures;

namespace MizarNF.Netlink.Tests.Addresses;

public sealed class AddressTests : TwoNamespaces
{
    private const int EEXIST = 17;
    private const int ENODEV = 19;

    public AddressTests() => Pod.CreateVethPair(new VethPairSpec("eth0", "peer0"));

    [Fact]
    public void AddAddress_Link_IpShowsItAndListAddressesToo()
    {
        Pod.AddAddress("eth0", IPAddress.Parse("10.1.2.3"), 24);

        Assert.Equal(["10.1.2.3/24"], Ip.Addresses(PodNs.Name, "eth0"));
        var listed = Assert.Single(Pod.ListAddresses("eth0"));
        Assert.Equal(new AddressInfo(Pod.GetIndex("eth0"), IPAddress.Parse("10.1.2.3"), 24, 0, "eth0"), listed);
        Assert.Contains(Pod.ListAddresses(), a => a.Index == Pod.GetIndex("eth0"));
    }

    [Fact]
    public void AddAddress_Twice_ThrowsEexistNamingAddressAndLink()
    {
        Pod.AddAddress("eth0", IPAddress.Parse("10.1.2.3"), 24);

        var e = Assert.Throws<NetlinkException>(() => Pod.AddAddress("eth0", IPAddress.Parse("10.1.2.3"), 24));

        Assert.Equal(EEXIST, e.Errno);
        Assert.Contains("10.1.2.3/24 on eth0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAddress_MissingLink_ThrowsEnodev()
    {
        var e = Assert.Throws<NetlinkException>(() => Pod.AddAddress("nosuch0", IPAddress.Parse("10.1.2.3"), 24));

        Assert.Equal(ENODEV, e.Errno);
        Assert.Equal("nosuch0", e.Target);
    }

    [Fact]
    public void AddAddress_IPv6OrBadPrefix_ThrowsBeforeSending()
    {
        Assert.Throws<ArgumentException>(() => Pod.AddAddress("eth0", IPAddress.IPv6Loopback, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pod.AddAddress("eth0", IPAddress.Parse("10.1.2.3"), 33));

        Assert.Empty(Ip.Addresses(PodNs.Name, "eth0"));
    }

    [Fact]
    public void DeleteAddress_Present_GoneAndAbsentReturnsFalse()
    {
        // Another subnet: deleting a primary address takes its subnet's secondaries along.
        Pod.AddAddress("eth0", IPAddress.Parse("10.1.2.3"), 24);
        Pod.AddAddress("eth0", IPAddress.Parse("10.9.0.4"), 16);

        Assert.True(Pod.DeleteAddress("eth0", IPAddress.Parse("10.1.2.3"), 24));

        Assert.Equal(["10.9.0.4/16"], Ip.Addresses(PodNs.Name, "eth0"));
        Assert.False(Pod.DeleteAddress("eth0", IPAddress.Parse("10.1.2.3"), 24));
    }
}
