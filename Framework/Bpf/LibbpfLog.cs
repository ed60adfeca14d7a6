using System.Runtime.InteropServices;
using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// libbpf's messages. libbpf prints to stderr by default; this library takes its print callback
/// instead and keeps each thread's warnings since the current operation began (libbpf calls back
/// on the calling thread), so a failure's exception can quote them: the kernel's netlink error
/// ("XDP program already attached") or why a pinned map could not be reused. Set
/// <see cref="Sink"/> to see every message, e.g. to route them to a logger.
/// </summary>
public static unsafe class LibbpfLog
{
    private const int MaxKept = 16;
    private static int s_installed;

    [ThreadStatic]
    private static List<string>? t_warnings;

    /// <summary>Receives every libbpf message (any level) on the thread that caused it; must not block.</summary>
    public static Action<LibbpfLogLevel, string>? Sink { get; set; }

    /// <summary>Installs the callback (once) and forgets this thread's earlier warnings.</summary>
    internal static void Begin()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 0)
        {
            Libbpf.libbpf_set_print(&Print);
        }

        t_warnings?.Clear();
    }

    /// <summary>The warnings since <see cref="Begin"/> on this thread, one per line, or null; clears them.</summary>
    internal static string? TakeWarnings()
    {
        if (t_warnings is not { Count: > 0 } warnings)
        {
            return null;
        }

        var text = string.Join("; ", warnings);
        warnings.Clear();
        return text;
    }

    [UnmanagedCallersOnly]
    private static int Print(int level, byte* format, nint args)
    {
        try
        {
            const int Capacity = 4096;
            var buffer = stackalloc byte[Capacity];
            var length = Libc.vsnprintf(buffer, Capacity, format, args);
            var message = Marshal.PtrToStringUTF8((nint)buffer, Math.Clamp(length, 0, Capacity - 1)).TrimEnd();
            if (level == Libbpf.LIBBPF_WARN)
            {
                var warnings = t_warnings ??= [];
                if (warnings.Count == MaxKept)
                {
                    warnings.RemoveAt(0);
                }

                warnings.Add(message);
            }

            Sink?.Invoke((LibbpfLogLevel)level, message);
        }
        catch (Exception)
        {
            // An exception must not unwind into libbpf's C frames.
        }

        return 0;
    }
}
