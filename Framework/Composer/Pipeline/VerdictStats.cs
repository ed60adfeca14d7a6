using System.Runtime.InteropServices;
using MizarNF.Contracts;

namespace MizarNF.Composer.Pipeline;

/// <summary>Mirror of <c>struct mnf_verdict_stats</c> (bpf-templates/include/mnf/stats.h).</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_verdict_stats")]
public struct VerdictStats
{
    /// <summary>Packets passed to the stack.</summary>
    public ulong Pass;

    /// <summary>Packets dropped.</summary>
    public ulong Drop;

    /// <summary>Packets sent back out of the interface they came in on.</summary>
    public ulong Tx;

    /// <summary>Packets redirected to another interface.</summary>
    public ulong Redirect;

    /// <summary>Bytes of all those packets.</summary>
    public ulong Bytes;

    /// <summary>Adds two counters.</summary>
    public static VerdictStats operator +(VerdictStats a, VerdictStats b) => new()
    {
        Pass = a.Pass + b.Pass,
        Drop = a.Drop + b.Drop,
        Tx = a.Tx + b.Tx,
        Redirect = a.Redirect + b.Redirect,
        Bytes = a.Bytes + b.Bytes,
    };

    /// <summary>All packets counted.</summary>
    public readonly ulong Packets => Pass + Drop + Tx + Redirect;
}
