using System.Net;

namespace MizarNF.Testbed.Tests.Layout;

public sealed class TestbedOptionsTests
{
    [Fact]
    public void Prefix_Default_MnfAndFiveHexDigitsWithinLimit()
    {
        var prefix = new TestbedOptions().Prefix;

        Assert.Matches("^mnf[0-9a-f]{5}$", prefix);
        Assert.NotEqual(prefix, new TestbedOptions().Prefix);
    }

    [Fact]
    public void UnderlayCidr_Default_Random172Dot31Slash24()
    {
        var cidr = new TestbedOptions().UnderlayCidr;

        Assert.Equal(24, cidr.PrefixLength);
        Assert.StartsWith("172.31.", cidr.BaseAddress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Passes() => new TestbedOptions().Validate();

    [Theory]
    [InlineData("toolong12")]
    [InlineData("Upper")]
    [InlineData("a_b")]
    [InlineData("-ab")]
    [InlineData("")]
    public void Validate_BadPrefix_ThrowsNamingIt(string prefix)
    {
        var error = Assert.Throws<ArgumentException>(() => new TestbedOptions { Prefix = prefix }.Validate());

        Assert.Contains("Prefix", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a-b-0")]
    [InlineData("12345678")]
    public void Validate_GoodPrefix_Passes(string prefix) => new TestbedOptions { Prefix = prefix }.Validate();

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Validate_NodesOutOfRange_Throws(int nodes) =>
        Assert.Throws<ArgumentException>(() => new TestbedOptions { Nodes = nodes }.Validate());

    [Theory]
    [InlineData("10.0.0.0/29", 1)]
    [InlineData("10.0.0.0/28", 5)]
    [InlineData("fd00::/64", 1)]
    public void Validate_CidrWithoutRoom_Throws(string cidr, int nodes) =>
        Assert.Throws<ArgumentException>(() => new TestbedOptions { Nodes = nodes, UnderlayCidr = IPNetwork.Parse(cidr) }.Validate());

    [Fact]
    public void Validate_SeveralProblems_ListsAll()
    {
        var error = Assert.Throws<ArgumentException>(() => new TestbedOptions { Prefix = "X", Nodes = 0, Mtu = 10, DaemonReadyTimeout = TimeSpan.Zero }.Validate());

        Assert.Contains("Prefix", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nodes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mtu", error.Message, StringComparison.Ordinal);
        Assert.Contains("DaemonReadyTimeout", error.Message, StringComparison.Ordinal);
    }
}
