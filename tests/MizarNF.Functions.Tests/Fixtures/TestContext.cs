using System.Buffers.Binary;
using MizarNF.Composer.Pipeline;

namespace MizarNF.Functions.Tests.Fixtures;

/// <summary>
/// Program contexts for BPF_PROG_TEST_RUN that say which interface a packet came in on: the
/// agent finds its endpoint by the ingress ifindex (1 = lo, the one device every test run has).
/// </summary>
internal static class TestContext
{
    /// <summary>A context for <paramref name="hook"/> with the given ingress ifindex and frame length.</summary>
    public static byte[] Ingress(PipelineHook hook, int ifindex, int frameLength) =>
        hook == PipelineHook.Tc ? SkBuff(ifindex) : XdpMd(ifindex, frameLength);

    /// <summary>struct xdp_md: data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex.</summary>
    private static byte[] XdpMd(int ifindex, int frameLength)
    {
        var ctx = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(ctx.AsSpan(4), (uint)frameLength);
        BinaryPrimitives.WriteUInt32LittleEndian(ctx.AsSpan(12), (uint)ifindex);
        return ctx;
    }

    /// <summary>
    /// The head of struct __sk_buff with ingress_ifindex (offset 36) set: the skb test run copies
    /// it to skb->skb_iif, which is what the program reads; the device stays lo.
    /// </summary>
    private static byte[] SkBuff(int ifindex)
    {
        var ctx = new byte[48];
        BinaryPrimitives.WriteUInt32LittleEndian(ctx.AsSpan(36), (uint)ifindex);
        return ctx;
    }
}
