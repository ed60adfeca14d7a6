using System.Net;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Tests.Fixtures;

namespace MizarNF.TestKit.Tests.Geneve;

public sealed class GeneveCodecTests
{
    private static readonly GeneveOption Host = new HostOption(Net.PodB, Net.NodeB).ToOption();

    [Fact]
    public void Encode_NoOptions_WritesFixedHeaderInNetworkOrder()
    {
        var bytes = GeneveCodec.Encode(new GeneveHeader(Net.Vni));

        // ver 0 | opt_len 0, no flags, protocol 0x6558, VNI 0x123456, reserved 0 (geneve.md).
        Assert.Equal<byte>([0x00, 0x00, 0x65, 0x58, 0x12, 0x34, 0x56, 0x00], bytes);
    }

    [Fact]
    public void Encode_HostOption_OptLenCountsFourByteWords()
    {
        var bytes = GeneveCodec.Encode(new GeneveHeader(Net.Vni, [Host]));

        Assert.Equal(8 + 12, bytes.Length);
        Assert.Equal(3, bytes[0]);
        Assert.Equal(0, bytes[1]);
    }

    [Fact]
    public void Encode_CriticalOptionAndControl_SetsCAndOBits()
    {
        var critical = new GeneveOption(0x0104, 0x85, []);
        var header = new GeneveHeader(Net.Vni, [critical]) { ControlFlag = true };

        var bytes = GeneveCodec.Encode(header);

        Assert.True(header.CriticalFlag);
        Assert.Equal(0x80 | 0x40, bytes[1]);
    }

    [Fact]
    public void EncodeDecode_MixedOptions_RoundTrips()
    {
        var header = new GeneveHeader(
            0xABCDEF,
            [
                Host,
                new ServiceOption(IPAddress.Parse("10.96.0.10"), 80, 6, 0x01, IPAddress.Parse("10.0.0.7"), 8080).ToOption(),
                new GeneveOption(0x0103, 0x05, [1, 2, 3, 4]),
                new GeneveOption(0x0104, 0x85, []),
                new GeneveOption(MizarOptions.Class, 0x83, Enumerable.Range(0, GeneveOption.MaxBodyLength).Select(i => (byte)i).ToArray()),
            ]);

        var decoded = GeneveCodec.Decode(GeneveCodec.Encode(header), out var headerLength);

        Assert.Equal(header, decoded);
        Assert.Equal(header.Length, headerLength);
        Assert.True(decoded.CriticalFlag);
        Assert.Equal([false, false, false, true, true], decoded.Options.Select(o => o.IsCritical));
    }

    [Fact]
    public void Decode_PayloadAfterHeader_HeaderLengthPointsAtPayload()
    {
        var header = new GeneveHeader(Net.Vni, [Host]);
        var packet = GeneveCodec.Encode(header).Concat(new byte[] { 0xAA, 0xBB }).ToArray();

        var decoded = GeneveCodec.Decode(packet, out var headerLength);

        Assert.Equal(header, decoded);
        Assert.Equal<byte>([0xAA, 0xBB], packet[headerLength..]);
    }

    [Fact]
    public void Decode_ReservedBitsSet_Ignored()
    {
        var header = new GeneveHeader(Net.Vni, [Host]);
        var bytes = GeneveCodec.Encode(header);
        bytes[1] |= 0x3F;
        bytes[7] = 0xFF;
        bytes[8 + 3] |= 0xE0;

        Assert.Equal(header, GeneveCodec.Decode(bytes, out _));
    }

    [Fact]
    public void Decode_TruncatedFixedHeader_ThrowsTruncated()
    {
        var bytes = GeneveCodec.Encode(new GeneveHeader(Net.Vni));

        var e = Assert.Throws<GeneveFormatException>(() => GeneveCodec.Decode(bytes.AsSpan(0, 7), out _));

        Assert.Contains("truncated", e.Message);
        Assert.Contains("7", e.Message);
    }

    [Fact]
    public void Decode_OptLenPastEnd_ThrowsTruncated()
    {
        var bytes = GeneveCodec.Encode(new GeneveHeader(Net.Vni, [Host]));

        var e = Assert.Throws<GeneveFormatException>(() => GeneveCodec.Decode(bytes.AsSpan(0, bytes.Length - 4), out _));

        Assert.Contains("truncated", e.Message);
        Assert.Contains("opt_len", e.Message);
    }

    [Fact]
    public void Decode_Version1_ThrowsVersion()
    {
        var bytes = GeneveCodec.Encode(new GeneveHeader(Net.Vni) { Version = 1 });

        var e = Assert.Throws<GeneveFormatException>(() => GeneveCodec.Decode(bytes, out _));

        Assert.Contains("version 1", e.Message);
    }

    [Fact]
    public void Decode_OptionBodyPastOptLen_ThrowsOverrun()
    {
        var bytes = GeneveCodec.Encode(new GeneveHeader(Net.Vni, [Host]));
        bytes[0] = 2; // opt_len 8 bytes, but the HOST option takes 12

        var e = Assert.Throws<GeneveFormatException>(() => GeneveCodec.Decode(bytes, out _));

        Assert.Contains("class 0xFF4D, type 0x01", e.Message);
        Assert.Contains("runs 4 bytes past opt_len", e.Message);
    }

    [Fact]
    public void Decode_OptionLengthFieldPastOptLen_ThrowsOverrun()
    {
        var bytes = GeneveCodec.Encode(new GeneveHeader(Net.Vni, [Host]));
        bytes[8 + 3] = 31;

        var e = Assert.Throws<GeneveFormatException>(() => GeneveCodec.Decode(bytes, out _));

        Assert.Contains("offset 8", e.Message);
        Assert.Contains("past opt_len", e.Message);
    }

    [Fact]
    public void Encode_DestinationTooSmall_Throws()
    {
        var header = new GeneveHeader(Net.Vni, [Host]);

        Assert.Throws<ArgumentException>(() => GeneveCodec.Encode(header, new byte[header.Length - 1]));
    }
}
