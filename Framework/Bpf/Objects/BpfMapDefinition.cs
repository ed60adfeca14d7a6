using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// A map as declared in a <see cref="BpfObject"/>: size and pin it before load, inspect it after.
/// For element access use <see cref="BpfObject.Map{TKey, TValue}"/>.
/// </summary>
public sealed class BpfMapDefinition
{
    private readonly BpfObject _owner;
    private readonly nint _map;

    internal BpfMapDefinition(BpfObject owner, nint map)
    {
        _owner = owner;
        _map = map;
        Name = NativeText.FromUtf8(Libbpf.bpf_map__name(map));
    }

    /// <summary>The map's name (internal maps are named like <c>prog.rodata</c>).</summary>
    public string Name { get; }

    /// <summary>The map type.</summary>
    public BpfMapType Type => Read(m => (BpfMapType)Libbpf.bpf_map__type(m));

    /// <summary>Key size in bytes.</summary>
    public uint KeySize => Read(Libbpf.bpf_map__key_size);

    /// <summary>Value size in bytes (per CPU for per-CPU maps).</summary>
    public uint ValueSize => Read(Libbpf.bpf_map__value_size);

    /// <summary>Maximum number of entries.</summary>
    public uint MaxEntries => Read(Libbpf.bpf_map__max_entries);

    /// <summary>The map's fd (owned by the object) once loaded.</summary>
    public int Fd
    {
        get
        {
            _owner.ThrowIfNotLoaded($"Map '{Name}'");
            return Read(m => BpfError.Check(Libbpf.bpf_map__fd(m), "bpf_map__fd", Name));
        }
    }

    /// <summary>Sets the number of entries; only before load.</summary>
    public void SetMaxEntries(uint maxEntries)
    {
        ThrowIfLoaded();
        LibbpfLog.Begin();
        Read(m => BpfError.Check(Libbpf.bpf_map__set_max_entries(m, maxEntries), "bpf_map__set_max_entries", Name));
    }

    /// <summary>
    /// Pins the map at <paramref name="path"/> on load, or reuses the map already pinned there when
    /// it is compatible (libbpf checks type, sizes and flags). Only before load.
    /// </summary>
    public void SetPinPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfLoaded();
        LibbpfLog.Begin();
        Read(m => BpfError.Check(Libbpf.bpf_map__set_pin_path(m, path), "bpf_map__set_pin_path", Name));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Type}, {KeySize}/{ValueSize} bytes, {MaxEntries} entries)";

    internal MapInfo Info() => new(Name, Type, KeySize, ValueSize, MaxEntries);

    private T Read<T>(Func<nint, T> read)
    {
        using var lease = _owner.Lease();
        return read(_map);
    }

    private void ThrowIfLoaded()
    {
        if (_owner.IsLoaded)
        {
            throw new InvalidOperationException($"Map '{Name}' in '{_owner.Name}' can only be configured before BpfObject.Load().");
        }
    }
}
