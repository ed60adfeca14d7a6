namespace MizarNF.ControlPlane.Kubernetes.Watching;

/// <summary>One thing for the operator's single worker to do (an event to handle, a resync).</summary>
/// <param name="What">For logs, e.g. "Modified Vpc blue".</param>
/// <param name="RunAsync">The work.</param>
internal sealed record WorkItem(string What, Func<CancellationToken, Task> RunAsync);
