using System.Net;

namespace MizarNF.Testbed;

/// <summary>One node of a testbed: a network namespace on the underlay, and its daemon's paths.</summary>
public sealed record TestbedNode
{
    /// <summary>"n1", "n2", …</summary>
    public required string Name { get; init; }

    /// <summary>1 for n1, …</summary>
    public required int Index { get; init; }

    /// <summary>The node's network namespace, <c>&lt;prefix&gt;-n&lt;i&gt;</c>.</summary>
    public required string Namespace { get; init; }

    /// <summary>The node's underlay interface inside <see cref="Namespace"/>: "eth0".</summary>
    public required string UnderlayInterface { get; init; }

    /// <summary>The peer of <see cref="UnderlayInterface"/>, a port of the underlay bridge: <c>&lt;prefix&gt;n&lt;i&gt;</c>.</summary>
    public required string BridgePort { get; init; }

    /// <summary>The address of <see cref="UnderlayInterface"/>.</summary>
    public required IPAddress Address { get; init; }

    /// <summary>The MAC address of <see cref="UnderlayInterface"/>, as the kernel reports it ("aa:bb:…").</summary>
    public required string Mac { get; init; }

    /// <summary>The Unix socket on which the node's daemon serves gRPC.</summary>
    public required string Socket { get; init; }

    /// <summary>Where the daemon pins its BPF objects: <c>/sys/fs/bpf/mizarnf/&lt;prefix&gt;-&lt;node&gt;</c>.</summary>
    public required string PinRoot { get; init; }

    /// <summary>The daemon's state directory: <c>/run/mizarnf/&lt;prefix&gt;/&lt;node&gt;-state</c> (made by the testbed).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Where the daemon's stdout and stderr go.</summary>
    public required string Log { get; init; }

    /// <summary>The daemon's process id while it runs; null without a daemon.</summary>
    public int? Pid { get; init; }
}
