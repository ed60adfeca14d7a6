using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>
/// libbpf 1.x, named exactly as in its headers. libbpf 1.0 mode is the default in 1.x: functions
/// returning int return a negative errno; functions returning a pointer return NULL and set errno
/// (hence <c>SetLastError</c> on those, read with <see cref="Marshal.GetLastPInvokeError"/>).
/// This file holds objects, programs and map definitions; the other <c>Libbpf.*.cs</c> files hold
/// the map syscalls, attachment and test runs.
/// </summary>
internal static unsafe partial class Libbpf
{
    private const string Library = "libbpf.so.1";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial nint bpf_object__open_file(string path, nint opts);

    [LibraryImport(Library)]
    internal static partial int bpf_object__load(nint obj);

    [LibraryImport(Library)]
    internal static partial void bpf_object__close(nint obj);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial nint bpf_object__find_program_by_name(nint obj, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial nint bpf_object__find_map_by_name(nint obj, string name);

    [LibraryImport(Library)]
    internal static partial nint bpf_object__next_program(nint obj, nint prev);

    [LibraryImport(Library)]
    internal static partial nint bpf_object__next_map(nint obj, nint prev);

    /// <summary>Returns a <c>const char *</c> owned by libbpf: never freed here.</summary>
    [LibraryImport(Library)]
    internal static partial nint bpf_program__name(nint prog);

    [LibraryImport(Library)]
    internal static partial nint bpf_program__section_name(nint prog);

    [LibraryImport(Library)]
    internal static partial int bpf_program__fd(nint prog);

    [LibraryImport(Library)]
    internal static partial int bpf_program__type(nint prog);

    [LibraryImport(Library)]
    internal static partial int bpf_program__set_log_buf(nint prog, byte* log_buf, nuint log_size);

    [LibraryImport(Library)]
    internal static partial int bpf_program__set_log_level(nint prog, uint log_level);

    [LibraryImport(Library)]
    internal static partial int bpf_program__set_flags(nint prog, uint flags);

    [LibraryImport(Library)]
    internal static partial nint bpf_map__name(nint map);

    [LibraryImport(Library)]
    internal static partial int bpf_map__fd(nint map);

    [LibraryImport(Library)]
    internal static partial int bpf_map__type(nint map);

    [LibraryImport(Library)]
    internal static partial uint bpf_map__key_size(nint map);

    [LibraryImport(Library)]
    internal static partial uint bpf_map__value_size(nint map);

    [LibraryImport(Library)]
    internal static partial uint bpf_map__max_entries(nint map);

    [LibraryImport(Library)]
    internal static partial int bpf_map__set_max_entries(nint map, uint max_entries);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int bpf_map__set_pin_path(nint map, string path);

    [LibraryImport(Library)]
    internal static partial int libbpf_num_possible_cpus();

    internal const int LIBBPF_WARN = 0;
    internal const int LIBBPF_INFO = 1;
    internal const int LIBBPF_DEBUG = 2;

    /// <summary>Installs the process-wide print callback; returns the previous one.</summary>
    [LibraryImport(Library)]
    internal static partial nint libbpf_set_print(delegate* unmanaged<int, byte*, nint, int> fn);

    /// <summary>Text for an errno or a libbpf-specific code (LIBBPF_ERRNO__*, 4000 and up).</summary>
    [LibraryImport(Library)]
    internal static partial int libbpf_strerror(int err, byte* buf, nuint size);
}
