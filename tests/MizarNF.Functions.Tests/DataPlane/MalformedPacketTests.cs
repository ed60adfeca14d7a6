using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Functions.Tests.DataPlane;

/// <summary>
/// Malformed frames at a node's transit pipeline: each is dropped by the framework's prologue
/// with its stable reason, never delivered. (The skb test run refuses frames whose IPv4 header
/// is cut short before the program runs, so those rows run on XDP only.)
/// </summary>
[Collection(WorldCollection.Name)]
public sealed class MalformedPacketTests(WorldFixture fixture)
{
    private static byte[] Good => Frames.Geneve(NodeRole.A, NodeRole.C, DataPlaneWorld.Vpc1, Frames.PodUdp(Frames.A1, Frames.C1.Ip));

    // Offsets in the outer frame: Ethernet 0, IPv4 14, UDP 34, Geneve 42, inner Ethernet 50.
    public static TheoryData<string, PipelineHook, byte[], string> Cases()
    {
        var data = new TheoryData<string, PipelineHook, byte[], string>();
        foreach (var hook in new[] { PipelineHook.Xdp, PipelineHook.Tc })
        {
            data.Add("Geneve header cut short", hook, Truncate(Good, 46, fixLengths: true), "GENEVE_TRUNCATED");
            data.Add("Geneve version 1", hook, Patch(Good, 42, 0x40), "GENEVE_VERSION");
            data.Add("Geneve protocol not Ethernet", hook, Patch(Good, 44, 0x08, 0x00), "GENEVE_PROTOCOL");
            data.Add("unknown critical option", hook, WithOptions(new GeneveOption(0x0102, 0x85, new byte[4])), "GENEVE_OPT_CRITICAL");
            data.Add("our class, unknown critical type", hook, WithOptions(new GeneveOption(MizarOptions.Class, 0x83, new byte[4])), "GENEVE_OPT_CRITICAL");
            data.Add("option longer than opt_len", hook, Patch(WithOptions(new GeneveOption(0x0102, 0x05, new byte[4])), 42 + 8 + 3, 0x03), "GENEVE_OPT_MALFORMED");
            data.Add("nine options", hook, WithOptions(Enumerable.Range(0, 9).Select(_ => new GeneveOption(0x0102, 0x01, default)).ToArray()), "GENEVE_TOO_MANY_OPTS");
            data.Add("inner frame cut short", hook, Truncate(Good, 50 + 8, fixLengths: true), "INNER_TRUNCATED");
        }

        data.Add("Ethernet only", PipelineHook.Xdp, Good[..14], "IPV4_TRUNCATED");
        data.Add("IPv4 header cut short", PipelineHook.Xdp, Good[..30], "IPV4_TRUNCATED");
        data.Add("IPv4 header length 4 words", PipelineHook.Xdp, Patch(Good, 14, 0x44), "IPV4_BAD_HEADER");
        data.Add("IPv4 total length past the frame", PipelineHook.Xdp, Patch(Good, 16, 0x05, 0xDC), "IPV4_TRUNCATED");
        data.Add("UDP header cut short", PipelineHook.Xdp, Truncate(Good, 38, fixLengths: true), "L4_TRUNCATED");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Transit_MalformedFrame_DroppedWithReason(string name, PipelineHook hook, byte[] frame, string reason)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);

        var r = c.Run(frame);

        Assert.True(r.Verdict == PacketVerdict.Drop && r.DropReasonName == reason, $"{name}: {r.Verdict} by {r.Function} ({r.DropReasonName}), expected drop ({reason})");
        Assert.Equal(1ul, c.Counters().Drops(ReasonCode(c, reason)));
    }

    [Theory]
    [InlineData(PipelineHook.Xdp)]
    [InlineData(PipelineHook.Tc)]
    public void Transit_UnknownNonCriticalOption_SkippedAndDelivered(PipelineHook hook)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);

        var r = c.Run(WithOptions(new GeneveOption(0x0102, 0x05, new byte[8]), new GeneveOption(MizarOptions.Class, 0x03, new byte[4])));

        Assert.Equal(PacketVerdict.Redirect, r.Verdict);
    }

    private static byte ReasonCode(PipelineHarness c, string name) =>
        (byte)Enum.GetValues<DropReason>().First(r => r.ReasonName() == name);

    private static byte[] WithOptions(params GeneveOption[] options) =>
        Frames.Geneve(NodeRole.A, NodeRole.C, DataPlaneWorld.Vpc1, Frames.PodUdp(Frames.A1, Frames.C1.Ip), options);

    private static byte[] Patch(byte[] frame, int offset, params byte[] bytes)
    {
        var copy = (byte[])frame.Clone();
        bytes.CopyTo(copy, offset);
        return copy;
    }

    /// <summary>Cuts the frame, and with <paramref name="fixLengths"/> keeps the IPv4 and UDP lengths consistent so only the inner layer is short.</summary>
    private static byte[] Truncate(byte[] frame, int length, bool fixLengths)
    {
        var copy = frame[..length];
        if (fixLengths)
        {
            var ipLen = (ushort)(length - 14);
            copy[16] = (byte)(ipLen >> 8);
            copy[17] = (byte)ipLen;
            copy[24] = copy[25] = 0;
            var sum = MizarNF.TestKit.Packets.Checksums.InternetChecksum(copy.AsSpan(14, 20));
            copy[24] = (byte)(sum >> 8);
            copy[25] = (byte)sum;
            if (length >= 42)
            {
                var udpLen = (ushort)(length - 34);
                copy[38] = (byte)(udpLen >> 8);
                copy[39] = (byte)udpLen;
            }
        }

        return copy;
    }
}
