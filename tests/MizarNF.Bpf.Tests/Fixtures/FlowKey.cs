using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Tests.Fixtures;

/// <summary>C# mirror of <c>struct mnf_t_flow_key</c> (Programs/test_structs.h).</summary>
[StructLayout(LayoutKind.Sequential)]
public record struct FlowKey(uint Addr, ushort Port, byte Proto, byte Pad);
