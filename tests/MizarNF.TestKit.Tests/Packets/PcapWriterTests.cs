using System.Buffers.Binary;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Tests.Fixtures;

namespace MizarNF.TestKit.Tests.Packets;

public sealed class PcapWriterTests
{
    [Fact]
    public void WriteFile_TwoFrames_ClassicPcapLayout()
    {
        var first = PacketBuilder.ArpRequest(Net.PodAMac, Net.PodA, Net.PodB);
        var second = PacketBuilder.Udp(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 1, 2, [9]);
        using var file = new TempFile(".pcap");

        PcapWriter.WriteFile(file.Path, [first, second]);

        var bytes = File.ReadAllBytes(file.Path).AsSpan();
        Assert.Equal(24 + 16 + first.Length + 16 + second.Length, bytes.Length);
        Assert.Equal(0xA1B2C3D4u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]));
        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]));
        Assert.Equal(PcapWriter.LinkTypeEthernet, BinaryPrimitives.ReadUInt32LittleEndian(bytes[20..]));
        var record = bytes[24..];
        Assert.Equal((uint)first.Length, BinaryPrimitives.ReadUInt32LittleEndian(record[8..]));
        Assert.Equal((uint)first.Length, BinaryPrimitives.ReadUInt32LittleEndian(record[12..]));
        Assert.True(record.Slice(16, first.Length).SequenceEqual(first));
        var secondRecord = record[(16 + first.Length)..];
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(secondRecord[4..]));
        Assert.True(secondRecord[16..].SequenceEqual(second));
    }

    [Fact]
    public void Write_Timestamp_SplitIntoSecondsAndMicroseconds()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, leaveOpen: true))
        {
            writer.Write([1, 2, 3], DateTimeOffset.UnixEpoch.AddSeconds(5).AddTicks(7 * TimeSpan.TicksPerMicrosecond));
        }

        var bytes = stream.ToArray().AsSpan(24);
        Assert.Equal(5u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(7u, BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]));
    }
}
