using System.Buffers.Binary;
using System.Net;
using MizarNF.Netlink.Protocol;

namespace MizarNF.Netlink.Tests.Protocol;

/// <summary>The wire layout the kernel parses: lengths, 4-byte padding, nesting, read back by <see cref="AttributeReader"/>.</summary>
public sealed class MessageWriterTests
{
    [Fact]
    public void Finish_NestedAttributes_LengthsPaddingAndValuesReadBack()
    {
        var buffer = new byte[256];
        buffer.AsSpan().Fill(0xee); // a reused buffer: padding must come out as zeros

        var w = new MessageWriter(buffer, Rtm.NEWLINK, Nl.NLM_F_REQUEST | Nl.NLM_F_ACK, 7);
        w.Header(new IfInfoMsg { Index = 3 });
        w.String(Rtm.IFLA_IFNAME, "eth0");
        var outer = w.BeginNested(Rtm.IFLA_LINKINFO);
        w.String(Rtm.IFLA_INFO_KIND, "veth");
        w.EndNested(outer);
        w.IPv4(Rtm.IFA_LOCAL, IPAddress.Parse("10.1.2.3"));
        var message = w.Finish().ToArray();

        // 16 header + 16 ifinfomsg + 12 ("eth0\0" padded) + 4 + 12 (nested "veth\0") + 8 (address).
        Assert.Equal(68, message.Length);
        Assert.Equal(68u, BinaryPrimitives.ReadUInt32LittleEndian(message));
        Assert.Equal(Rtm.NEWLINK, BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(4)));
        Assert.Equal(7u, BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(8)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(16 + 4)));
        Assert.Equal(9, BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(32))); // nla_len counts the NUL, not the padding
        Assert.Equal([0, 0, 0], message[41..44]);

        var a = new AttributeReader(message.AsSpan(32));
        Assert.True(a.Next());
        Assert.Equal(("eth0", Rtm.IFLA_IFNAME), (a.String, a.Type));
        Assert.True(a.Next());
        Assert.Equal(Rtm.IFLA_LINKINFO, a.Type);
        Assert.Equal(12, a.Value.Length);
        var inner = new AttributeReader(a.Value);
        Assert.True(inner.Next());
        Assert.Equal(("veth", Rtm.IFLA_INFO_KIND), (inner.String, inner.Type));
        Assert.False(inner.Next());
        Assert.True(a.Next());
        Assert.Equal(IPAddress.Parse("10.1.2.3"), a.Address);
        Assert.False(a.Next());
    }

    [Fact]
    public void Next_AttributeLongerThanMessage_StopsInsteadOfReadingPast()
    {
        byte[] truncated = [0x20, 0x00, 0x03, 0x00, (byte)'e', (byte)'t', 0, 0];

        var a = new AttributeReader(truncated);

        Assert.False(a.Next());
    }
}
