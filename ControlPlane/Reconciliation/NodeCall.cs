using MizarNF.ControlPlane.Nodes;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>One call to make to one node.</summary>
/// <param name="Node">The node's name.</param>
/// <param name="What">What the call does, for messages (e.g. "ProvisionEndpoint e1").</param>
/// <param name="Invoke">The call.</param>
internal sealed record NodeCall(string Node, string What, Func<INodeApi, CancellationToken, Task> Invoke);
