using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary><c>enum libbpf_print_level</c>.</summary>
public enum LibbpfLogLevel
{
    /// <summary>LIBBPF_WARN.</summary>
    Warn = Libbpf.LIBBPF_WARN,

    /// <summary>LIBBPF_INFO.</summary>
    Info = Libbpf.LIBBPF_INFO,

    /// <summary>LIBBPF_DEBUG.</summary>
    Debug = Libbpf.LIBBPF_DEBUG,
}
