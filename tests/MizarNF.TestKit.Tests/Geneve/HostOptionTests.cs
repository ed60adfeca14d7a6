using System.Net;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Tests.Fixtures;

namespace MizarNF.TestKit.Tests.Geneve;

public sealed class HostOptionTests
{
    [Fact]
    public void ToOption_KnownAddresses_MatchesGeneveMdLayout()
    {
        var header = new GeneveHeader(Net.Vni, [new HostOption(Net.PodB, Net.NodeB).ToOption()]);

        var bytes = GeneveCodec.Encode(header);

        // class 0xFF4D | type 0x01 | length 2 words | endpoint 10.0.0.6 | host 192.168.1.20
        Assert.Equal<byte>([0xFF, 0x4D, 0x01, 0x02, 10, 0, 0, 6, 192, 168, 1, 20], bytes[8..]);
    }

    [Fact]
    public void FromOption_ToOption_RoundTrips()
    {
        var host = new HostOption(Net.PodB, Net.NodeB);

        Assert.Equal(host, HostOption.FromOption(host.ToOption()));
    }

    [Fact]
    public void TryParse_HeaderWithForeignOptionsFirst_FindsHost()
    {
        var host = new HostOption(Net.PodB, Net.NodeB);
        var header = new GeneveHeader(Net.Vni, [new GeneveOption(0x0103, 0x01, new byte[8]), host.ToOption()]);

        var decoded = GeneveCodec.Decode(GeneveCodec.Encode(header), out _);

        Assert.True(HostOption.TryParse(decoded, out var found));
        Assert.Equal(host, found);
        Assert.False(ServiceOption.TryParse(decoded, out _));
    }

    [Fact]
    public void TryParse_CriticalBitSet_FalseAsInDataPath()
    {
        var option = new GeneveOption(MizarOptions.Class, MizarOptions.HostType | GeneveOption.CriticalBit, new byte[8]);

        Assert.False(HostOption.TryParse(option, out _));
    }

    [Fact]
    public void TryParse_WrongBodyLength_False() =>
        Assert.False(HostOption.TryParse(new GeneveOption(MizarOptions.Class, MizarOptions.HostType, new byte[12]), out _));

    [Fact]
    public void FromOption_ForeignClass_Throws() =>
        Assert.Throws<ArgumentException>(() => HostOption.FromOption(new GeneveOption(0x0111, MizarOptions.HostType, new byte[8])));

    [Fact]
    public void Constructor_Ipv6_Throws() =>
        Assert.Throws<ArgumentException>(() => new HostOption(IPAddress.IPv6Loopback, Net.NodeB));
}
