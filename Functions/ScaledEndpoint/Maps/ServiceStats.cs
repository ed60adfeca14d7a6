using System.Runtime.InteropServices;
using MizarNF.Contracts;

namespace MizarNF.Functions.ScaledEndpoint.Maps;

/// <summary>Mirror of <c>struct svc_stats</c>: the function's events, by name.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("svc_stats")]
public record struct ServiceStats
{
    /// <summary>Owner: first packets decided and answered.</summary>
    public ulong Decisions;

    /// <summary>Owner: decisions taken from ClientIP affinity.</summary>
    public ulong AffinityHits;

    /// <summary>Client: decisions cached.</summary>
    public ulong FlowsLearnt;

    /// <summary>Backend's node: marked packets for a backend not there, turned back.</summary>
    public ulong RejectsSent;

    /// <summary>Client: flows forgotten because they were turned back.</summary>
    public ulong FlowsRejected;

    /// <summary>Client: flows ended by a TCP RST.</summary>
    public ulong FlowsEnded;

    /// <summary>Client: entries found idle past their timeout.</summary>
    public ulong FlowsExpired;

    /// <summary>Owner: echo requests to a VIP answered.</summary>
    public ulong Pings;
}
