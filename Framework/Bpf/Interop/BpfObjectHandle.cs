using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>An owned <c>struct bpf_object *</c>; releasing it closes the object (and every fd libbpf opened for it).</summary>
internal sealed class BpfObjectHandle : SafeHandle
{
    internal BpfObjectHandle(nint obj)
        : base(0, ownsHandle: true) => SetHandle(obj);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Libbpf.bpf_object__close(handle);
        return true;
    }
}
