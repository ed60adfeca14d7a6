using MizarNF.TestKit.Pipelines;

namespace MizarNF.TestKit.DataPlane;

/// <summary>A node's two pipelines sharing pinned maps; disposing removes the pins.</summary>
public sealed class NodeHarness(PipelineHarness agent, PipelineHarness transit, string pinRoot) : IDisposable
{
    /// <summary>The agent pipeline (pod egress).</summary>
    public PipelineHarness Agent { get; } = agent;

    /// <summary>The transit pipeline (underlay ingress).</summary>
    public PipelineHarness Transit { get; } = transit;

    /// <inheritdoc/>
    public void Dispose()
    {
        Agent.Dispose();
        Transit.Dispose();
        RemovePins(pinRoot);
    }

    internal static void RemovePins(string root)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
