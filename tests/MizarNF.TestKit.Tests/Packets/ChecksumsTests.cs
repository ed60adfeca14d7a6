using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Tests.Fixtures;

namespace MizarNF.TestKit.Tests.Packets;

public sealed class ChecksumsTests
{
    [Fact]
    public void InternetChecksum_Rfc1071Example_Matches()
    {
        // RFC 1071 §3: these bytes sum to 0xDDF2, so the checksum is its complement.
        Assert.Equal(0x220D, Checksums.InternetChecksum([0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7]));
    }

    [Fact]
    public void InternetChecksum_OddLength_PadsWithZero() =>
        Assert.Equal(Checksums.InternetChecksum([0x12, 0x34, 0x56, 0x00]), Checksums.InternetChecksum([0x12, 0x34, 0x56]));

    [Fact]
    public void Ipv4ChecksumValid_BuiltPacket_True()
    {
        var frame = PacketBuilder.Udp(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 1, 2, []);

        Assert.True(Checksums.Ipv4ChecksumValid(frame.AsSpan(14)));
    }

    [Fact]
    public void Ipv4ChecksumValid_AddressChanged_False()
    {
        var frame = PacketBuilder.Udp(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 1, 2, []);
        frame[14 + 15] ^= 0x01;

        Assert.False(Checksums.Ipv4ChecksumValid(frame.AsSpan(14)));
    }

    [Fact]
    public void Ipv4ChecksumValid_NotIpv4_Throws()
    {
        var frame = PacketBuilder.ArpRequest(Net.PodAMac, Net.PodA, Net.PodB);

        Assert.Throws<ArgumentException>(() => Checksums.Ipv4ChecksumValid(frame.AsSpan(14)));
    }

    [Fact]
    public void Ipv4ChecksumValid_ShorterThanIhl_Throws()
    {
        var frame = PacketBuilder.Udp(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 1, 2, []);

        Assert.Throws<ArgumentException>(() => Checksums.Ipv4ChecksumValid(frame.AsSpan(14, 19)));
    }
}
