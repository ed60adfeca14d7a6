namespace MizarNF.Testbed;

/// <summary>Node daemons: kill and restart one, for restart tests.</summary>
public sealed partial class Testbed
{
    /// <summary>SIGKILLs the node's daemon and waits until it is gone.</summary>
    public TestbedNode KillDaemon(TestbedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        ThrowIfDown();
        return Update(_daemons.Kill(Node(node.Name)));
    }

    /// <summary>Starts the node's daemon again and waits until it is ready; a daemon that does not get ready is killed.</summary>
    public TestbedNode StartDaemon(TestbedNode node) => StartDaemonAsync(node).GetAwaiter().GetResult();

    /// <inheritdoc cref="StartDaemon"/>
    public async Task<TestbedNode> StartDaemonAsync(TestbedNode node, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ThrowIfDown();
        await StartDaemonsAsync([Node(node.Name)], cancel).ConfigureAwait(false);
        return Node(node.Name);
    }

    private async Task StartDaemonsAsync(IReadOnlyList<TestbedNode> nodes, CancellationToken cancel)
    {
        BpfFs.EnsureMounted();
        var started = new List<TestbedNode>();
        foreach (var node in nodes)
        {
            started.Add(Update(_daemons.Start(node)));
        }

        try
        {
            await DaemonReadinessGroup.WaitAllAsync(started, _daemons.WaitReadyAsync, cancel).ConfigureAwait(false);
        }
        catch
        {
            // No daemon that failed to get ready lingers (after a failed restart the rest of the testbed
            // stays up). A kill that fails here must not hide why: teardown kills by namespace anyway.
            foreach (var node in started)
            {
                try
                {
                    Update(_daemons.Kill(Node(node.Name)));
                }
                catch (TimeoutException)
                {
                }
            }

            throw;
        }
    }
}
