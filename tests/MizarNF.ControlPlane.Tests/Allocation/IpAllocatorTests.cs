using System.Net;
using MizarNF.Contracts.Net;
using MizarNF.ControlPlane.Allocation;

namespace MizarNF.ControlPlane.Tests.Allocation;

public sealed class IpAllocatorTests
{
    private static readonly Ipv4Prefix Slash29 = Ipv4Prefix.Parse("10.0.0.0/29");

    [Fact]
    public void Allocate_Empty_SkipsNetworkAndGateway()
    {
        var allocator = new IpAllocator(Slash29, new Dictionary<IPAddress, string>());

        Assert.Equal("10.0.0.1", allocator.Gateway.ToString());
        Assert.Equal("10.0.0.2", allocator.Allocate().ToString());
    }

    [Fact]
    public void Allocate_Slash29_FiveAddressesThenExhausted()
    {
        var used = new Dictionary<IPAddress, string>();
        for (var i = 0; i < 5; i++)
        {
            used.Add(new IpAllocator(Slash29, used).Allocate(), $"e{i}");
        }

        var e = Assert.Throws<ControlPlaneValidationException>(() => new IpAllocator(Slash29, used).Allocate());

        Assert.Equal(["10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"], used.Select(u => u.Key.ToString()));
        Assert.Equal("subnet 10.0.0.0/29 is exhausted: all 5 endpoint addresses are in use", e.Message);
    }

    [Fact]
    public void Allocate_UsedInTheMiddle_LowestFree()
    {
        var allocator = new IpAllocator(Slash29, new Dictionary<IPAddress, string> { [IPAddress.Parse("10.0.0.2")] = "a", [IPAddress.Parse("10.0.0.4")] = "b" });

        Assert.Equal("10.0.0.3", allocator.Allocate().ToString());
    }

    [Fact]
    public void Allocate_FixedFree_Honoured()
    {
        Assert.Equal("10.0.0.5", new IpAllocator(Slash29, new Dictionary<IPAddress, string>()).Allocate(IPAddress.Parse("10.0.0.5")).ToString());
    }

    [Theory]
    [InlineData("10.0.0.0", "network address")]
    [InlineData("10.0.0.1", "gateway address")]
    [InlineData("10.0.0.7", "broadcast address")]
    [InlineData("10.0.1.2", "outside the subnet")]
    [InlineData("10.0.0.3", "already used by endpoint 'other'")]
    public void Allocate_FixedUnusable_RefusedSayingWhy(string ip, string reason)
    {
        var allocator = new IpAllocator(Slash29, new Dictionary<IPAddress, string> { [IPAddress.Parse("10.0.0.3")] = "other" });

        var e = Assert.Throws<ControlPlaneValidationException>(() => allocator.Allocate(IPAddress.Parse(ip)));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MacAddresses_ForEndpoint_MatchesNodeDerivation()
    {
        Assert.Equal("02:4d:0a:00:01:fe", MacAddresses.ForEndpoint(IPAddress.Parse("10.0.1.254")).ToString());
    }
}
