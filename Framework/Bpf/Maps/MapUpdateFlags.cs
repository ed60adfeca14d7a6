using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>The <c>flags</c> of BPF_MAP_UPDATE_ELEM.</summary>
public enum MapUpdateFlags : ulong
{
    /// <summary>BPF_ANY: create or replace.</summary>
    Any = Libbpf.BPF_ANY,

    /// <summary>BPF_NOEXIST: create only; an existing key fails with EEXIST.</summary>
    NoExist = Libbpf.BPF_NOEXIST,

    /// <summary>BPF_EXIST: replace only; a missing key fails with ENOENT.</summary>
    Exist = Libbpf.BPF_EXIST,
}
