using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Bench.Paths;

/// <summary>Each node's pipeline built and programmed once, however many paths run through it.</summary>
internal sealed class HarnessCache(DataPlaneWorld world) : IDisposable
{
    private readonly Dictionary<(NodeRole, AttachPoint, PipelineHook), PipelineHarness> _built = [];

    public PipelineHarness Get(NodeRole node, AttachPoint attachPoint, PipelineHook hook)
    {
        if (!_built.TryGetValue((node, attachPoint, hook), out var harness))
        {
            Console.Error.WriteLine($"  building node {node}'s {attachPoint.ToString().ToLowerInvariant()} pipeline ({hook.ToString().ToLowerInvariant()})");
            harness = world.Build(node, attachPoint, hook);
            _built.Add((node, attachPoint, hook), harness);
        }

        return harness;
    }

    public void Dispose()
    {
        foreach (var h in _built.Values)
        {
            h.Dispose();
        }
    }
}
