namespace MizarNF.Bpf;

/// <summary>Refuses a typed view whose key or value size differs from the map's, before any byte is copied.</summary>
internal static unsafe class MapLayout
{
    internal static void Check<TKey, TValue>(MapInfo info, bool perCpu)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        if (info.KeySize != sizeof(TKey) || info.ValueSize != sizeof(TValue))
        {
            throw new InvalidOperationException(
                $"Map '{info.Name}' has {info.KeySize}-byte keys and {info.ValueSize}-byte values, but the C# types " +
                $"{typeof(TKey).Name} and {typeof(TValue).Name} are {sizeof(TKey)} and {sizeof(TValue)} bytes.");
        }

        if (info.Type.IsPerCpu() != perCpu)
        {
            throw new InvalidOperationException(perCpu
                ? $"Map '{info.Name}' is a {info.Type} map, not per-CPU: use BpfMap<TKey, TValue>."
                : $"Map '{info.Name}' is a per-CPU map ({info.Type}): use PerCpuBpfMap<TKey, TValue>.");
        }
    }
}
