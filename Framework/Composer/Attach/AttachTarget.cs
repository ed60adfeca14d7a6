using MizarNF.Bpf;

namespace MizarNF.Composer.Attach;

/// <summary>An interface to attach a pipeline to.</summary>
/// <param name="Netns">The named network namespace the interface lives in (null: the caller's).</param>
/// <param name="Interface">The interface's name.</param>
/// <param name="XdpMode">For XDP pipelines: native (driver) or generic mode; tc pipelines ignore it.</param>
public sealed record AttachTarget(string? Netns, string Interface, XdpMode XdpMode = XdpMode.Native)
{
    /// <summary>Runs <paramref name="action"/> in the target's namespace.</summary>
    public T InNamespace<T>(Func<T> action) => Netns is null ? action() : NetworkNamespace.Run(Netns, action);

    /// <inheritdoc/>
    public override string ToString() => Netns is null ? Interface : $"{Netns}/{Interface}";
}
