using System.Diagnostics;
using MizarNF.Testbed.Tests.Fixtures;

namespace MizarNF.Testbed.Tests;

/// <summary>DownByPrefix after half-made or crashed testbeds, and what it leaves alone.</summary>
public sealed class TestbedDownByPrefixTests : IDisposable
{
    private readonly TestPrefix _prefix = new();

    public void Dispose() => _prefix.Dispose();

    [Fact]
    public void DownByPrefix_UnderlayAndNodeMadeByHandWithProcess_RemovesAllAndKillsIt()
    {
        Run("ip", "netns", "add", $"{_prefix}-ul");
        Run("ip", "netns", "add", $"{_prefix}-n1");
        Run("ip", "-n", $"{_prefix}-n1", "link", "add", "name", "eth0", "type", "veth", "peer", "name", $"{_prefix}n1", "netns", $"{_prefix}-ul");
        Directory.CreateDirectory($"/run/mizarnf/{_prefix}/n1-state");
        using var sleeper = Process.Start("nsenter", [$"--net=/var/run/netns/{_prefix}-n1", "--", "sleep", "30"]);
        WaitUntilIn($"{_prefix}-n1", sleeper.Id);

        Testbed.DownByPrefix(_prefix);

        Assert.Empty(TestPrefix.Leftovers(_prefix));
        Assert.True(sleeper.WaitForExit(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void DownByPrefix_NothingThere_DoesNothing()
    {
        Testbed.DownByPrefix(_prefix);

        Assert.Empty(TestPrefix.Leftovers(_prefix));
    }

    [Fact]
    public void DownByPrefix_AfterTestbedObjectLost_RemovesPodsListedInStateFile()
    {
        var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2 });
        var pod = testbed.CreatePodNamespace("orphan");

        // As after a crashed process: no Down, only the prefix.
        Testbed.DownByPrefix(_prefix);

        Assert.DoesNotContain(pod, Underlay.NetnsList());
        Assert.Empty(TestPrefix.Leftovers(_prefix));
    }

    [Fact]
    public void DownByPrefix_NamesOfOtherPrefixes_LeftAlone()
    {
        // A testbed whose prefix is "<prefix>-x" (or "<prefix>x"), and a namespace that merely starts alike.
        string[] foreign = [$"{_prefix}-x-ul", $"{_prefix}-x-n1", $"{_prefix}x-n1", $"{_prefix}-unrelated"];
        try
        {
            foreach (var ns in foreign)
            {
                Run("ip", "netns", "add", ns);
            }

            Run("ip", "netns", "add", $"{_prefix}-n12");

            Testbed.DownByPrefix(_prefix);

            var left = Underlay.NetnsList();
            Assert.All(foreign, ns => Assert.Contains(ns, left));
            Assert.DoesNotContain($"{_prefix}-n12", left);
        }
        finally
        {
            foreach (var ns in foreign)
            {
                Process.Start("ip", ["netns", "delete", ns]).WaitForExit();
            }
        }
    }

    /// <summary>nsenter enters after it starts: before that, nothing tells the process belongs to the namespace.</summary>
    private static void WaitUntilIn(string netns, int pid)
    {
        for (var tries = 0; tries < 500; tries++)
        {
            using var ip = Process.Start(new ProcessStartInfo("ip", ["netns", "pids", netns]) { RedirectStandardOutput = true })!;
            var pids = ip.StandardOutput.ReadToEnd();
            ip.WaitForExit();
            if (pids.Split('\n', StringSplitOptions.TrimEntries).Contains(pid.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                return;
            }

            Thread.Sleep(10);
        }

        Assert.Fail($"Process {pid} never entered {netns}.");
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(file, arguments);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
