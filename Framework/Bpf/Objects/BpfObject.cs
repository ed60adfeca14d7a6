using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// An ELF object opened with libbpf: configure its maps, load it, then use its programs and maps.
/// Programs and maps taken from it borrow it: they keep it alive while in a call and throw
/// <see cref="ObjectDisposedException"/> once it is disposed. Not thread-safe while loading.
/// </summary>
public sealed class BpfObject : IDisposable
{
    private readonly BpfObjectHandle _handle;

    private BpfObject(BpfObjectHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The object file's full path.</summary>
    public string Path { get; }

    /// <summary>The object file's name, as errors show it.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>True once <see cref="Load"/> was called (libbpf allows one attempt, successful or not).</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>The programs, in the order libbpf loads them.</summary>
    public IReadOnlyList<BpfProgram> Programs => Enumerate(Libbpf.bpf_object__next_program, p => new BpfProgram(this, p));

    /// <summary>The maps, including libbpf's internal .data/.rodata/.bss maps.</summary>
    public IReadOnlyList<BpfMapDefinition> Maps => Enumerate(Libbpf.bpf_object__next_map, m => new BpfMapDefinition(this, m));

    internal BpfObjectHandle Handle => _handle;

    /// <summary>Opens (parses) an object file; nothing reaches the kernel until <see cref="Load"/>.</summary>
    public static BpfObject Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        LibbpfLog.Begin();
        var obj = Libbpf.bpf_object__open_file(full, 0);
        if (obj == 0)
        {
            throw BpfError.FromLastError("bpf_object__open_file", System.IO.Path.GetFileName(full));
        }

        return new BpfObject(new BpfObjectHandle(obj), full);
    }

    /// <summary>The program with this (C function) name.</summary>
    public BpfProgram Program(string name)
    {
        using var lease = Lease();
        var prog = Libbpf.bpf_object__find_program_by_name(_handle.DangerousGetHandle(), name);
        return prog != 0
            ? new BpfProgram(this, prog)
            : throw new KeyNotFoundException($"Object '{Name}' has no program named '{name}' (programs: {string.Join(", ", Programs.Select(p => p.Name))}).");
    }

    /// <summary>The map with this name, to configure before <see cref="Load"/> or to inspect.</summary>
    public BpfMapDefinition MapDefinition(string name)
    {
        using var lease = Lease();
        var map = Libbpf.bpf_object__find_map_by_name(_handle.DangerousGetHandle(), name);
        return map != 0
            ? new BpfMapDefinition(this, map)
            : throw new KeyNotFoundException($"Object '{Name}' has no map named '{name}' (maps: {string.Join(", ", Maps.Select(m => m.Name))}).");
    }

    /// <summary>
    /// Creates the maps and loads every program. On failure throws <see cref="BpfException"/> with
    /// the rejected program's name and verifier log.
    /// </summary>
    public void Load()
    {
        using var lease = Lease();
        if (IsLoaded)
        {
            throw new InvalidOperationException($"Object '{Name}' was already loaded; libbpf allows one load per open.");
        }

        var obj = _handle.DangerousGetHandle();
        LibbpfLog.Begin();
        using var logs = new ProgramLogBuffers(Programs);
        var rc = Libbpf.bpf_object__load(obj);
        IsLoaded = true;
        if (rc < 0)
        {
            // With a verifier log, libbpf's warnings only repeat "program load failed"; without one
            // (map creation, pinned-map reuse, relocation) they are the only explanation.
            var (program, log) = logs.Rejected();
            var warnings = LibbpfLog.TakeWarnings();
            throw new BpfException("bpf_object__load", -rc, Name, program, log, program is null ? warnings : null);
        }
    }

    /// <summary>A loaded map, typed. Key and value sizes must match the map's.</summary>
    public BpfMap<TKey, TValue> Map<TKey, TValue>(string name)
        where TKey : unmanaged
        where TValue : unmanaged => new(LoadedMap(name));

    /// <summary>A loaded per-CPU map, typed. Key and per-CPU value sizes must match the map's.</summary>
    public PerCpuBpfMap<TKey, TValue> PerCpuMap<TKey, TValue>(string name)
        where TKey : unmanaged
        where TValue : unmanaged => new(LoadedMap(name));

    /// <summary>Closes the object: its programs and maps leave the kernel unless pinned or attached.</summary>
    public void Dispose() => _handle.Dispose();

    internal SafeHandleLease Lease() => new(_handle, $"BpfObject '{Name}'");

    internal void ThrowIfNotLoaded(string what)
    {
        if (!IsLoaded)
        {
            throw new InvalidOperationException($"{what} in '{Name}' exists in the kernel only after BpfObject.Load().");
        }
    }

    private MapFd LoadedMap(string name)
    {
        var definition = MapDefinition(name);
        ThrowIfNotLoaded($"Map '{name}'");
        return MapFd.Borrowed(_handle, definition.Fd, definition.Info());
    }

    private List<T> Enumerate<T>(Func<nint, nint, nint> next, Func<nint, T> wrap)
    {
        using var lease = Lease();
        var obj = _handle.DangerousGetHandle();
        var items = new List<T>();
        for (var item = next(obj, 0); item != 0; item = next(obj, item))
        {
            items.Add(wrap(item));
        }

        return items;
    }
}
