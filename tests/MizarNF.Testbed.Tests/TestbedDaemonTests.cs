using System.Text.Json;
using Xunit.Abstractions;
using MizarNF.Testbed.Tests.Fixtures;

namespace MizarNF.Testbed.Tests;

/// <summary>Node daemons: started in their node's namespace, waited for over gRPC health, killed and restarted.</summary>
public sealed class TestbedDaemonTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestPrefix _prefix = new();

    public void Dispose() => _prefix.Dispose();

    [Fact]
    public void Up_FakeDaemons_ReadyInTheirNodeNamespacesWithHostBpffs()
    {
        var progress = new ProgressLines();

        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2, NodeCommand = FakeDaemonCommand.Serving }, progress);

        foreach (var node in testbed.Nodes)
        {
            Assert.NotNull(node.Pid);
            Assert.Contains(progress.Lines, l => l.StartsWith($"node {node.Name}: daemon ready in ", StringComparison.Ordinal));
            var log = File.ReadAllText(node.Log);
            Assert.Contains($"fake daemon: pid {node.Pid}", log, StringComparison.Ordinal);
            Assert.Contains($"interface eth0 {node.Address}", log, StringComparison.Ordinal);
            Assert.Contains("host bpffs visible: True", log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Up_FakeDaemons_StateFileListsNodesAndPids()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2, NodeCommand = FakeDaemonCommand.Serving });

        using var state = JsonDocument.Parse(File.ReadAllText(testbed.StateFile));

        Assert.Equal(_prefix.Value, state.RootElement.GetProperty("prefix").GetString());
        Assert.Equal([$"{_prefix}-ul", $"{_prefix}-n1", $"{_prefix}-n2"], state.RootElement.GetProperty("namespaces").EnumerateArray().Select(e => e.GetString()));
        var nodes = state.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(testbed.Nodes.Select(n => n.Pid), nodes.Select(n => (int?)n.GetProperty("pid").GetInt32()));
        Assert.Equal(testbed.Nodes.Select(n => n.Mac), nodes.Select(n => n.GetProperty("mac").GetString()));
    }

    [Fact]
    public void Up_DaemonNeverReady_ThrowsTimeoutNamingNodeAndLogThenRemovesEverything()
    {
        var options = new TestbedOptions
        {
            Prefix = _prefix,
            Nodes = 2,
            // sh and the wrapper exec, so $$ is the pid that becomes sleep.
            NodeCommand = _ => FakeDaemonCommand.Shell("echo starting slowly as $$; exec sleep 30"),
            DaemonReadyTimeout = TimeSpan.FromSeconds(2),
        };

        var error = Assert.Throws<DaemonNotReadyException>(() => Testbed.Up(options));

        Assert.True(error.TimedOut);
        Assert.Matches("^node n[12]: daemon not ready within 2 s", error.Message);
        Assert.Contains($"/run/mizarnf/{_prefix}/n", error.Message, StringComparison.Ordinal);
        Assert.Contains("starting slowly", error.LogTail, StringComparison.Ordinal);
        output.WriteLine(error.Message);
        Assert.Empty(TestPrefix.Leftovers(_prefix));
        var pid = error.LogTail.Split(' ')[^1].Trim();
        Assert.False(Directory.Exists($"/proc/{pid}"), $"sleep (pid {pid}) outlived the failed Up");
    }

    [Fact]
    public void Up_DaemonExits_ThrowsWithExitCodeAndLogTail()
    {
        var options = new TestbedOptions
        {
            Prefix = _prefix,
            Nodes = 1,
            NodeCommand = n => FakeDaemonCommand.Shell($"echo cannot bind {n.Socket} >&2; exit 3"),
        };

        var error = Assert.Throws<DaemonNotReadyException>(() => Testbed.Up(options));

        output.WriteLine(error.Message);
        Assert.Equal("n1", error.Node);
        Assert.Equal(3, error.ExitCode);
        Assert.Contains("node n1: daemon exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains($"cannot bind /run/mizarnf/{_prefix}/n1.sock", error.Message, StringComparison.Ordinal);
        Assert.Empty(TestPrefix.Leftovers(_prefix));
    }

    [Fact]
    public void Up_DaemonNotServing_TimesOutWithLastHealthStatus()
    {
        var options = new TestbedOptions
        {
            Prefix = _prefix,
            Nodes = 1,
            NodeCommand = FakeDaemonCommand.NotServing,
            DaemonReadyTimeout = TimeSpan.FromSeconds(5),
        };

        var error = Assert.Throws<DaemonNotReadyException>(() => Testbed.Up(options));

        Assert.True(error.TimedOut);
        Assert.Contains("health status NotServing", error.Message, StringComparison.Ordinal);
        Assert.Empty(TestPrefix.Leftovers(_prefix));
    }

    [Fact]
    public void KillDaemon_ThenStartDaemon_NewDaemonReadyOtherNodeUntouched()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2, NodeCommand = FakeDaemonCommand.Serving });
        var n1 = testbed.Node("n1");
        var n2Pid = testbed.Node("n2").Pid;

        var killed = testbed.KillDaemon(n1);

        Assert.Null(killed.Pid);
        Assert.False(Directory.Exists($"/proc/{n1.Pid}"));

        var restarted = testbed.StartDaemon(killed);

        Assert.NotNull(restarted.Pid);
        Assert.NotEqual(n1.Pid, restarted.Pid);
        Assert.Equal(restarted, testbed.Node("n1"));
        Assert.Equal(n2Pid, testbed.Node("n2").Pid);
        Assert.Equal(restarted.Pid, Testbed.Attach(_prefix).Node("n1").Pid);
    }

    [Fact]
    public void StartDaemon_Running_Throws()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 1, NodeCommand = FakeDaemonCommand.Serving });

        Assert.Throws<InvalidOperationException>(() => testbed.StartDaemon(testbed.Node("n1")));
    }

    [Fact]
    public void KillDaemon_AttachedInAnotherTestbedObject_KillsByPid()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 1, NodeCommand = FakeDaemonCommand.Serving });
        var pid = testbed.Node("n1").Pid!.Value;
        var attached = Testbed.Attach(_prefix, FakeDaemonCommand.Serving);

        attached.KillDaemon(attached.Node("n1"));
        var restarted = attached.StartDaemon(attached.Node("n1"));

        Assert.False(Directory.Exists($"/proc/{pid}"));
        Assert.NotNull(restarted.Pid);
        attached.Down();
        Assert.Empty(TestPrefix.Leftovers(_prefix));
    }
}
