using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>The clsact direction (<c>enum bpf_tc_attach_point</c>).</summary>
public enum TcAttachPoint
{
    /// <summary>BPF_TC_INGRESS.</summary>
    Ingress = Libbpf.BPF_TC_INGRESS,

    /// <summary>BPF_TC_EGRESS.</summary>
    Egress = Libbpf.BPF_TC_EGRESS,
}
