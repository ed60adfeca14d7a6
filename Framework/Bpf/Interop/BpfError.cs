using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>
/// Turns libbpf's return conventions into exceptions, so no negative int leaves Interop. Each
/// exception quotes libbpf's warnings since the operation began (<see cref="LibbpfLog"/>).
/// </summary>
internal static class BpfError
{
    /// <summary>Returns <paramref name="rc"/> when it is not negative; otherwise throws with errno <c>-rc</c>.</summary>
    internal static int Check(int rc, string operation, string? objectName = null, string? programName = null) =>
        rc >= 0 ? rc : throw new BpfException(operation, -rc, objectName, programName, detail: LibbpfLog.TakeWarnings());

    /// <summary>For calls that return NULL or -1 and set errno.</summary>
    internal static BpfException FromLastError(string operation, string? objectName = null, string? detail = null) =>
        new(operation, Marshal.GetLastPInvokeError(), objectName, detail: detail ?? LibbpfLog.TakeWarnings());
}
