using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>
/// Keeps a SafeHandle from being released while a native call uses something it owns (a map or
/// program inside a <c>bpf_object</c>, or an fd). Acquiring it on a disposed owner throws
/// <see cref="ObjectDisposedException"/>.
/// </summary>
internal readonly ref struct SafeHandleLease
{
    private readonly SafeHandle _handle;

    internal SafeHandleLease(SafeHandle handle, string ownerDescription)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(ownerDescription);
        }

        _handle = handle;
    }

    public void Dispose() => _handle.DangerousRelease();
}
