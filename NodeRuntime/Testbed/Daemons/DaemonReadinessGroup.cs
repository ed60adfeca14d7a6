using System.Runtime.ExceptionServices;

namespace MizarNF.Testbed;

/// <summary>Waits for several daemons at once; the first failure cancels the other waits and is rethrown.</summary>
internal static class DaemonReadinessGroup
{
    public static async Task WaitAllAsync(IReadOnlyList<TestbedNode> nodes, Func<TestbedNode, CancellationToken, Task> waitReady, CancellationToken cancel)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var waits = nodes.Select(async node =>
        {
            try
            {
                await waitReady(node, failed.Token).ConfigureAwait(false);
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }).ToList();

        try
        {
            await Task.WhenAll(waits).ConfigureAwait(false);
        }
        catch
        {
            // The cause, not the cancellations it set off in the other waits.
            var cause = waits.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
            if (cause is not null)
            {
                ExceptionDispatchInfo.Throw(cause);
            }

            throw;
        }
    }
}
