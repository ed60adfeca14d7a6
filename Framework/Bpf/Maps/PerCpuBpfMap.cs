using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// A typed per-CPU map: every key holds one <typeparamref name="TValue"/> per possible CPU. The
/// kernel lays those values out 8-byte aligned, so a 4-byte value occupies 8 bytes in the
/// syscall buffer; this class does the striding. Ownership as for <see cref="BpfMap{TKey, TValue}"/>.
/// </summary>
public sealed unsafe class PerCpuBpfMap<TKey, TValue> : IDisposable
    where TKey : unmanaged
    where TValue : unmanaged
{
    private readonly MapFd _map;
    private readonly int _stride;

    internal PerCpuBpfMap(MapFd map)
    {
        MapLayout.Check<TKey, TValue>(map.Info, perCpu: true);
        _map = map;
        _stride = (sizeof(TValue) + 7) & ~7;
        CpuCount = PossibleCpus.Count;
    }

    /// <summary>The number of possible CPUs: the length of every value array.</summary>
    public int CpuCount { get; }

    /// <summary>The map's name.</summary>
    public string Name => _map.Info.Name;

    /// <summary>The map type.</summary>
    public BpfMapType Type => _map.Info.Type;

    /// <summary>The map's fd.</summary>
    public int Fd => _map.Fd;

    /// <summary>Opens a per-CPU map pinned on bpffs.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The key and value types are what OpenPinned checks against the pinned map; a factory elsewhere would need them spelled out anyway.")]
    public static PerCpuBpfMap<TKey, TValue> OpenPinned(string path)
    {
        var map = MapFd.OpenPinned(path);
        try
        {
            return new PerCpuBpfMap<TKey, TValue>(map);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    /// <summary>Looks a key up: one value per possible CPU, or false when absent.</summary>
    public bool TryLookup(in TKey key, [NotNullWhen(true)] out TValue[]? values)
    {
        var k = key;
        var buffer = new byte[_stride * CpuCount];
        fixed (byte* b = buffer)
        {
            if (!_map.TryLookup(&k, b))
            {
                values = null;
                return false;
            }
        }

        values = new TValue[CpuCount];
        for (var cpu = 0; cpu < CpuCount; cpu++)
        {
            values[cpu] = MemoryMarshal.Read<TValue>(buffer.AsSpan(cpu * _stride));
        }

        return true;
    }

    /// <summary>One value per possible CPU; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public TValue[] Lookup(in TKey key) =>
        TryLookup(key, out var values) ? values : throw new KeyNotFoundException($"Key {key} is not in map '{Name}'.");

    /// <summary>Writes one value per possible CPU (<paramref name="values"/> has <see cref="CpuCount"/> elements).</summary>
    public void Update(in TKey key, ReadOnlySpan<TValue> values, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        if (values.Length != CpuCount)
        {
            throw new ArgumentException($"Map '{Name}' needs {CpuCount} values (one per possible CPU), got {values.Length}.", nameof(values));
        }

        var k = key;
        var buffer = new byte[_stride * CpuCount];
        for (var cpu = 0; cpu < CpuCount; cpu++)
        {
            MemoryMarshal.Write(buffer.AsSpan(cpu * _stride), in values[cpu]);
        }

        fixed (byte* b = buffer)
        {
            _map.Update(&k, b, flags);
        }
    }

    /// <summary>Removes an entry; false when it was not there (array maps cannot delete).</summary>
    public bool Delete(in TKey key)
    {
        var k = key;
        return _map.Delete(&k);
    }

    /// <summary>The keys, read lazily from the kernel.</summary>
    public IEnumerable<TKey> Keys() => _map.Keys<TKey>();

    /// <summary>The entries, read lazily; a key deleted meanwhile is skipped.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue[]>> Entries()
    {
        foreach (var key in Keys())
        {
            if (TryLookup(key, out var values))
            {
                yield return new KeyValuePair<TKey, TValue[]>(key, values);
            }
        }
    }

    /// <summary>Folds the per-CPU values of a key into one, e.g. adding each counter field.</summary>
    public TValue Aggregate(in TKey key, Func<TValue, TValue, TValue> combine)
    {
        var values = Lookup(key);
        var total = values[0];
        for (var cpu = 1; cpu < values.Length; cpu++)
        {
            total = combine(total, values[cpu]);
        }

        return total;
    }

    /// <summary>Pins the map on bpffs at <paramref name="path"/>.</summary>
    public void Pin(string path) => _map.Pin(path);

    /// <inheritdoc/>
    public void Dispose() => _map.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Type}, {CpuCount} CPUs)";
}
