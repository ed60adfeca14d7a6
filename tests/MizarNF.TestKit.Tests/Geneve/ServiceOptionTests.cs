using System.Net;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Tests.Fixtures;

namespace MizarNF.TestKit.Tests.Geneve;

public sealed class ServiceOptionTests
{
    private static readonly ServiceOption Service =
        new(IPAddress.Parse("10.96.0.10"), 80, 6, 0x01, IPAddress.Parse("10.0.0.7"), 8080, IPAddress.Parse("192.168.10.3"));

    [Fact]
    public void ToOption_KnownValues_MatchesGeneveMdLayout()
    {
        var bytes = GeneveCodec.Encode(new GeneveHeader(Net.Vni, [Service.ToOption()]));

        // class 0xFF4D | type 0x02 | length 5 words | service 10.96.0.10 | port 80 | TCP | flags 1 |
        // backend 10.0.0.7 | port 8080 (0x1F90) | reserved 0 | backend host 192.168.10.3
        Assert.Equal(6, bytes[0]);
        Assert.Equal<byte>(
            [0xFF, 0x4D, 0x02, 0x05, 10, 96, 0, 10, 0x00, 0x50, 6, 0x01, 10, 0, 0, 7, 0x1F, 0x90, 0x00, 0x00, 192, 168, 10, 3],
            bytes[8..]);
    }

    [Fact]
    public void TryParse_EncodedHeader_RoundTrips()
    {
        var header = new GeneveHeader(Net.Vni, [new HostOption(Net.PodB, Net.NodeB).ToOption(), Service.ToOption()]);

        var decoded = GeneveCodec.Decode(GeneveCodec.Encode(header), out _);

        Assert.True(ServiceOption.TryParse(decoded, out var found));
        Assert.Equal(Service, found);
    }

    [Fact]
    public void FromOption_HostOption_Throws() =>
        Assert.Throws<ArgumentException>(() => ServiceOption.FromOption(new HostOption(Net.PodB, Net.NodeB).ToOption()));

    [Fact]
    public void TryParse_ReservedBytesSet_StillParses()
    {
        var body = Service.ToOption().Body.ToArray();
        body[14] = 0xFF;

        Assert.True(ServiceOption.TryParse(new GeneveOption(MizarOptions.Class, MizarOptions.ServiceType, body), out var found));
        Assert.Equal(Service, found);
    }
}
