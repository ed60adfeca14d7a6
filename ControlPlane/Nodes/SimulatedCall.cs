using MizarNF.NodeApi.V1;

namespace MizarNF.ControlPlane.Nodes;

/// <summary>A call a <see cref="SimulatedNode"/> carried out, as recorded in its <see cref="SimulatedCallLog"/>.</summary>
/// <param name="Node">The node's name.</param>
/// <param name="Method">The method, as counted in <see cref="SimulatedNode.Calls"/> (e.g. "ProgramFunction").</param>
/// <param name="Request">For ProgramFunction, the request (function, operation, kind, JSON); otherwise null.</param>
public sealed record SimulatedCall(string Node, string Method, ProgramFunctionRequest? Request = null)
{
    /// <summary>True for a ProgramFunction call of <paramref name="function"/>'s <paramref name="kind"/> with <paramref name="operation"/>.</summary>
    public bool Is(string function, string kind, Operation operation) =>
        Request is { } r && r.Function == function && r.Kind == kind && r.Operation == operation;

    /// <inheritdoc/>
    public override string ToString() =>
        Request is { } r ? $"{Node}: {r.Function} {r.Operation} {r.Kind} {r.Json}" : $"{Node}: {Method}";
}
