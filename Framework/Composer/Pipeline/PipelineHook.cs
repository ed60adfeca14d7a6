namespace MizarNF.Composer.Pipeline;

/// <summary>The program type a pipeline is rendered for.</summary>
public enum PipelineHook
{
    /// <summary>XDP, attached natively or in generic mode (the object is the same).</summary>
    Xdp,

    /// <summary>Frags-aware XDP (section <c>xdp.frags</c>): keeps large MTUs and TSO on a veth's peer.</summary>
    XdpFrags,

    /// <summary>tc clsact (skb context): keeps segmentation offloads on veths.</summary>
    Tc,
}
