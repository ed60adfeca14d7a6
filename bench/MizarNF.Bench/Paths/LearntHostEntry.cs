using System.Runtime.InteropServices;
using MizarNF.Contracts;

namespace MizarNF.Bench.Paths;

/// <summary>
/// Mirror of <c>struct mnf_learnt</c> (the Endpoint function's endpoint_structs.h): the bench
/// references no function, so it keeps its own copy and checks it against the plugin's header
/// before use (<see cref="LearntLayout"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_learnt")]
internal struct LearntHostEntry
{
    /// <summary>The node the endpoint lives on, network order.</summary>
    public uint Host;

    /// <summary>Padding.</summary>
    public uint Pad;
}
