namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>A node call that failed.</summary>
/// <param name="Node">The node's name.</param>
/// <param name="Reason">NodeUnreachable (unavailable, deadline exceeded), NodeRejected (the node refused) or NodeUnknown.</param>
/// <param name="Message">What failed and why.</param>
internal sealed record NodeCallFailure(string Node, string Reason, string Message);
