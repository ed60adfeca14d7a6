namespace MizarNF.TestKit.Pipelines;

/// <summary>What a pipeline did with a packet, the same for XDP and tc.</summary>
public enum PacketVerdict
{
    /// <summary>The program aborted (a bug in it).</summary>
    Aborted,

    /// <summary>Dropped (see the result's reason).</summary>
    Drop,

    /// <summary>Passed to the kernel's stack.</summary>
    Pass,

    /// <summary>Sent back out of the interface it arrived on.</summary>
    Tx,

    /// <summary>Redirected to another interface.</summary>
    Redirect,
}
