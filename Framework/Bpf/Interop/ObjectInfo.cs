namespace MizarNF.Bpf.Interop;

/// <summary>BPF_OBJ_GET_INFO_BY_FD for programs and maps.</summary>
internal static unsafe class ObjectInfo
{
    internal static bpf_prog_info Program(int fd, string name)
    {
        bpf_prog_info info = default;
        var length = (uint)sizeof(bpf_prog_info);
        BpfError.Check(Libbpf.bpf_obj_get_info_by_fd(fd, &info, &length), "bpf_obj_get_info_by_fd", name);
        return info;
    }

    internal static bpf_map_info Map(int fd, string name)
    {
        bpf_map_info info = default;
        var length = (uint)sizeof(bpf_map_info);
        BpfError.Check(Libbpf.bpf_obj_get_info_by_fd(fd, &info, &length), "bpf_obj_get_info_by_fd", name);
        return info;
    }
}
