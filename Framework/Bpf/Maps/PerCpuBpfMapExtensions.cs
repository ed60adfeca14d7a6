using System.Numerics;

namespace MizarNF.Bpf;

/// <summary>Sums for per-CPU maps of numbers (counters).</summary>
public static class PerCpuBpfMapExtensions
{
    /// <summary>The sum over all CPUs of the values of <paramref name="key"/> (type the key literal: <c>Sum(0u)</c>).</summary>
    public static TValue Sum<TKey, TValue>(this PerCpuBpfMap<TKey, TValue> map, in TKey key)
        where TKey : unmanaged
        where TValue : unmanaged, INumberBase<TValue> =>
        map.Aggregate(key, static (a, b) => a + b);
}
