using System.Text;
using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// A native call failed: libbpf, a BPF syscall, or one of the few libc calls around them. Carries
/// the positive errno, the call, what it was applied to, and for a failed load the verifier's log.
/// </summary>
public sealed class BpfException : Exception
{
    /// <summary>How much of the verifier log goes into <see cref="Exception.Message"/>; the rejection is at its end.</summary>
    private const int MessageLogTail = 16 * 1024;

    /// <summary>Creates the exception; <paramref name="errno"/> is positive (EPERM is 1).</summary>
    public BpfException(string operation, int errno, string? objectName = null, string? programName = null, string? verifierLog = null, string? detail = null)
        : base(Format(operation, errno, objectName, programName, verifierLog, detail))
    {
        Operation = operation;
        Errno = errno;
        ObjectName = objectName;
        ProgramName = programName;
        VerifierLog = string.IsNullOrEmpty(verifierLog) ? null : verifierLog;
    }

    /// <summary>The positive errno (or a libbpf code, 4000 and up).</summary>
    public int Errno { get; }

    /// <summary>The native function that failed, e.g. <c>bpf_object__load</c>.</summary>
    public string Operation { get; }

    /// <summary>What the call was applied to: an object file, a map, a pin path, an interface.</summary>
    public string? ObjectName { get; }

    /// <summary>The program involved, when there is one (on a failed load: the one the verifier rejected).</summary>
    public string? ProgramName { get; }

    /// <summary>The verifier's log of the rejected program, when the kernel wrote one.</summary>
    public string? VerifierLog { get; }

    /// <summary>The C library's text for an errno, or libbpf's for its own codes.</summary>
    internal static unsafe string Describe(int errno)
    {
        try
        {
            var buffer = stackalloc byte[256];
            if (Libbpf.libbpf_strerror(errno, buffer, 256) == 0)
            {
                return new string((sbyte*)buffer);
            }
        }
        catch (DllNotFoundException)
        {
            // libbpf missing: the message still needs text.
        }

        return System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno);
    }

    private static string Format(string operation, int errno, string? objectName, string? programName, string? verifierLog, string? detail)
    {
        var text = new StringBuilder(operation).Append(" failed");
        if (objectName is not null)
        {
            text.Append(" for '").Append(objectName).Append('\'');
        }

        if (programName is not null)
        {
            text.Append(" (program '").Append(programName).Append("')");
        }

        text.Append(": ").Append(Describe(errno)).Append(" (errno ").Append(errno).Append(')');
        if (detail is not null)
        {
            text.Append(": ").Append(detail);
        }

        if (!string.IsNullOrEmpty(verifierLog))
        {
            var log = verifierLog.TrimEnd();
            text.Append('\n');
            if (log.Length > MessageLogTail)
            {
                text.Append("... (verifier log truncated; see VerifierLog)\n").Append(log.AsSpan(log.Length - MessageLogTail));
            }
            else
            {
                text.Append(log);
            }
        }

        return text.ToString();
    }
}
