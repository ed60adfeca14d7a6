using System.Diagnostics.CodeAnalysis;
using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// A typed BPF map. <typeparamref name="TKey"/> and <typeparamref name="TValue"/> are unmanaged
/// structs laid out as in C; their sizes are checked against the map when the view is made.
/// From <see cref="BpfObject.Map{TKey, TValue}"/> it borrows the object's fd (and Dispose does
/// nothing); from <see cref="OpenPinned"/> it owns its fd (and Dispose closes it).
/// </summary>
public sealed unsafe class BpfMap<TKey, TValue> : IDisposable
    where TKey : unmanaged
    where TValue : unmanaged
{
    private readonly MapFd _map;

    internal BpfMap(MapFd map)
    {
        MapLayout.Check<TKey, TValue>(map.Info, perCpu: false);
        _map = map;
    }

    /// <summary>The map's name.</summary>
    public string Name => _map.Info.Name;

    /// <summary>The map type.</summary>
    public BpfMapType Type => _map.Info.Type;

    /// <summary>Maximum number of entries.</summary>
    public uint MaxEntries => _map.Info.MaxEntries;

    /// <summary>The map's fd.</summary>
    public int Fd => _map.Fd;

    /// <summary>Opens a map pinned on bpffs; the sizes are checked through BPF_OBJ_GET_INFO_BY_FD.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The key and value types are what OpenPinned checks against the pinned map; a factory elsewhere would need them spelled out anyway.")]
    public static BpfMap<TKey, TValue> OpenPinned(string path)
    {
        var map = MapFd.OpenPinned(path);
        try
        {
            return new BpfMap<TKey, TValue>(map);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    /// <summary>Looks a key up; false when absent.</summary>
    public bool TryLookup(in TKey key, out TValue value)
    {
        var k = key;
        TValue v;
        var found = _map.TryLookup(&k, &v);
        value = found ? v : default;
        return found;
    }

    /// <summary>Looks a key up; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public TValue Lookup(in TKey key) =>
        TryLookup(key, out var value) ? value : throw new KeyNotFoundException($"Key {key} is not in map '{Name}'.");

    /// <summary>Creates or replaces an entry as <paramref name="flags"/> allow (EEXIST/ENOENT otherwise).</summary>
    public void Update(in TKey key, in TValue value, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        var k = key;
        var v = value;
        _map.Update(&k, &v, flags);
    }

    /// <summary>Removes an entry; false when it was not there.</summary>
    public bool Delete(in TKey key)
    {
        var k = key;
        return _map.Delete(&k);
    }

    /// <summary>The keys, read lazily from the kernel.</summary>
    public IEnumerable<TKey> Keys() => _map.Keys<TKey>();

    /// <summary>The entries, read lazily; a key deleted meanwhile is skipped.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries()
    {
        foreach (var key in Keys())
        {
            if (TryLookup(key, out var value))
            {
                yield return new KeyValuePair<TKey, TValue>(key, value);
            }
        }
    }

    /// <summary>Creates or replaces every pair in one syscall; returns how many were written.</summary>
    public int UpdateBatch(ReadOnlySpan<TKey> keys, ReadOnlySpan<TValue> values) => MapBatch.Update(_map, keys, values);

    /// <summary>Deletes the keys that are present; returns how many were deleted.</summary>
    public int DeleteBatch(ReadOnlySpan<TKey> keys) => MapBatch.Delete(_map, keys);

    /// <summary>Every entry, in as few syscalls as the kernel allows; iterates for map types without batch lookup.</summary>
    public IReadOnlyList<KeyValuePair<TKey, TValue>> LookupBatch() => MapBatch.Lookup<TKey, TValue>(_map) ?? [.. Entries()];

    /// <summary>Pins the map on bpffs at <paramref name="path"/> (its directory must exist).</summary>
    public void Pin(string path) => _map.Pin(path);

    /// <inheritdoc/>
    public void Dispose() => _map.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Type})";
}
