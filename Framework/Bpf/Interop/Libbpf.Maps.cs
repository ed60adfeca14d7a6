using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>Map element and batch syscalls, pinning, and object info (libbpf's bpf.h).</summary>
internal static unsafe partial class Libbpf
{
    internal const ulong BPF_ANY = 0;
    internal const ulong BPF_NOEXIST = 1;
    internal const ulong BPF_EXIST = 2;
    internal const ulong BPF_F_LOCK = 4;

    [LibraryImport(Library)]
    internal static partial int bpf_map_lookup_elem(int fd, void* key, void* value);

    [LibraryImport(Library)]
    internal static partial int bpf_map_update_elem(int fd, void* key, void* value, ulong flags);

    [LibraryImport(Library)]
    internal static partial int bpf_map_delete_elem(int fd, void* key);

    [LibraryImport(Library)]
    internal static partial int bpf_map_get_next_key(int fd, void* key, void* next_key);

    [LibraryImport(Library)]
    internal static partial int bpf_map_lookup_batch(int fd, void* in_batch, void* out_batch, void* keys, void* values, uint* count, bpf_map_batch_opts* opts);

    [LibraryImport(Library)]
    internal static partial int bpf_map_update_batch(int fd, void* keys, void* values, uint* count, bpf_map_batch_opts* opts);

    [LibraryImport(Library)]
    internal static partial int bpf_map_delete_batch(int fd, void* keys, uint* count, bpf_map_batch_opts* opts);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int bpf_obj_pin(int fd, string pathname);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int bpf_obj_get(string pathname);

    [LibraryImport(Library)]
    internal static partial int bpf_obj_get_info_by_fd(int bpf_fd, void* info, uint* info_len);

    [LibraryImport(Library)]
    internal static partial int bpf_prog_get_fd_by_id(uint id);
}
