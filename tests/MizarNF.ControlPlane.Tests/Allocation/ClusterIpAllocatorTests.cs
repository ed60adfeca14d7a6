using System.Net;
using MizarNF.ControlPlane.Allocation;
using MizarNF.Contracts.Net;

namespace MizarNF.ControlPlane.Tests.Allocation;

public sealed class ClusterIpAllocatorTests
{
    private static readonly Dictionary<IPAddress, string> None = [];

    [Fact]
    public void Allocate_Empty_FirstAfterNetworkAddress()
    {
        Assert.Equal(IPAddress.Parse("10.96.0.1"), new ClusterIpAllocator(Ipv4Prefix.Parse("10.96.0.0/16"), None).Allocate());
    }

    [Fact]
    public void Allocate_SomeUsed_LowestFree()
    {
        var used = new Dictionary<IPAddress, string> { [IPAddress.Parse("10.96.0.1")] = "a", [IPAddress.Parse("10.96.0.3")] = "c" };

        Assert.Equal(IPAddress.Parse("10.96.0.2"), new ClusterIpAllocator(Ipv4Prefix.Parse("10.96.0.0/24"), used).Allocate());
    }

    [Fact]
    public void Allocate_Slash32_ItsOnlyAddress()
    {
        Assert.Equal(IPAddress.Parse("10.96.0.7"), new ClusterIpAllocator(Ipv4Prefix.Parse("10.96.0.7/32"), None).Allocate());
    }

    [Theory]
    [InlineData("10.96.0.255", "10.96.0.255 is the broadcast address of the service CIDR 10.96.0.0/24")]
    [InlineData("10.96.1.1", "10.96.1.1 is outside the service CIDR 10.96.0.0/24")]
    [InlineData("10.96.0.1", "10.96.0.1 is already the ClusterIP of service 'a'")]
    public void Allocate_RequestedUnusable_Refused(string requested, string message)
    {
        var used = new Dictionary<IPAddress, string> { [IPAddress.Parse("10.96.0.1")] = "a" };

        var e = Assert.Throws<ControlPlaneValidationException>(() => new ClusterIpAllocator(Ipv4Prefix.Parse("10.96.0.0/24"), used).Allocate(IPAddress.Parse(requested)));

        Assert.Equal(message, e.Message);
    }
}
