using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MizarNF.Contracts.Control;

/// <summary>Byte-wise equality for map structs (what the kernel compares is bytes, padding included).</summary>
public static class StructBytes
{
    /// <summary>True when both values have the same bytes.</summary>
    public static bool Equal<T>(in T a, in T b)
        where T : unmanaged =>
        MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in a), 1))
            .SequenceEqual(MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in b), 1)));

    /// <summary>A hash of the value's bytes.</summary>
    public static int Hash<T>(in T value)
        where T : unmanaged
    {
        var h = new HashCode();
        h.AddBytes(MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in value), 1)));
        return h.ToHashCode();
    }
}
