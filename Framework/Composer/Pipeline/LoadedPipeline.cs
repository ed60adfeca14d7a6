using MizarNF.Bpf;
using MizarNF.Composer.Compilation;
using MizarNF.Contracts;

namespace MizarNF.Composer.Pipeline;

/// <summary>A pipeline loaded into the kernel: its program, its maps and its counters.</summary>
public sealed class LoadedPipeline : IMapProvider, IDisposable
{
    internal LoadedPipeline(CompiledPipeline compiled, BpfObject obj, BpfProgram program)
    {
        Compiled = compiled;
        Object = obj;
        Program = program;
    }

    /// <summary>What was compiled.</summary>
    public CompiledPipeline Compiled { get; }

    /// <summary>The loaded object (owns the program and the maps).</summary>
    public BpfObject Object { get; }

    /// <summary>The pipeline's entry program.</summary>
    public BpfProgram Program { get; }

    /// <summary>Function ids, in pipeline order.</summary>
    public IReadOnlyList<FunctionSlot> Slots => Compiled.Rendered.Slots;

    /// <inheritdoc/>
    public IMap<TKey, TValue> Map<TKey, TValue>(string name)
        where TKey : unmanaged
        where TValue : unmanaged => new MapAdapter<TKey, TValue>(Object.Map<TKey, TValue>(name));

    /// <summary>Reads the verdict and drop counters, summed over CPUs.</summary>
    public PipelineCounters ReadCounters() => PipelineCounters.Read(this);

    /// <inheritdoc/>
    public void Dispose() => Object.Dispose();

    private sealed class MapAdapter<TKey, TValue>(BpfMap<TKey, TValue> map) : IMap<TKey, TValue>
        where TKey : unmanaged
        where TValue : unmanaged
    {
        public string Name => map.Name;

        public bool TryLookup(in TKey key, out TValue value) => map.TryLookup(in key, out value);

        public void Update(in TKey key, in TValue value) => map.Update(in key, in value);

        public bool Delete(in TKey key) => map.Delete(in key);

        public IEnumerable<KeyValuePair<TKey, TValue>> Entries() => map.Entries();
    }
}
