using System.Buffers.Binary;
using MizarNF.Composer.Pipeline;

namespace MizarNF.TestKit.Pipelines;

/// <summary>
/// Program contexts for BPF_PROG_TEST_RUN that say which interface a packet came in on: the agent
/// finds its endpoint by the ingress ifindex (1 = lo, the one device every test run has).
/// </summary>
public static class IngressContext
{
    /// <summary>A context for <paramref name="hook"/> with the given ingress ifindex and frame length.</summary>
    public static byte[] For(PipelineHook hook, int ifindex, int frameLength) =>
        hook == PipelineHook.Tc ? SkBuff(ifindex) : XdpMd(ifindex, frameLength);

    /// <summary>struct xdp_md: data, data_end (= the frame's length, as the kernel demands), data_meta, ingress_ifindex, ….</summary>
    private static byte[] XdpMd(int ifindex, int frameLength)
    {
        var ctx = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(ctx.AsSpan(4), (uint)frameLength);
        BinaryPrimitives.WriteUInt32LittleEndian(ctx.AsSpan(12), (uint)ifindex);
        return ctx;
    }

    /// <summary>The head of struct __sk_buff with ingress_ifindex (offset 36), which the skb test run copies to skb_iif.</summary>
    private static byte[] SkBuff(int ifindex)
    {
        var ctx = new byte[48];
        BinaryPrimitives.WriteUInt32LittleEndian(ctx.AsSpan(36), (uint)ifindex);
        return ctx;
    }
}
