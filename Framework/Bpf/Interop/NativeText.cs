using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>Strings coming back from C.</summary>
internal static unsafe class NativeText
{
    /// <summary>A <c>const char *</c> owned by libbpf (never freed here), or the empty string for NULL.</summary>
    internal static string FromUtf8(nint chars) => Marshal.PtrToStringUTF8(chars) ?? string.Empty;

    /// <summary>A NUL-padded <c>char name[N]</c> field.</summary>
    internal static string FromFixed(byte* chars, int capacity)
    {
        var span = new ReadOnlySpan<byte>(chars, capacity);
        var end = span.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }
}
