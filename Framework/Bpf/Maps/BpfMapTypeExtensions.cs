namespace MizarNF.Bpf;

/// <summary>Facts about map types that decide how their values are read.</summary>
public static class BpfMapTypeExtensions
{
    /// <summary>True when each CPU has its own copy of every value (lookups return one value per possible CPU).</summary>
    public static bool IsPerCpu(this BpfMapType type) =>
        type is BpfMapType.PercpuHash or BpfMapType.PercpuArray or BpfMapType.LruPercpuHash or BpfMapType.PercpuCgroupStorage;
}
