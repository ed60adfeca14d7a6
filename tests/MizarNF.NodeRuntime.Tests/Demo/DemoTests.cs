using System.Diagnostics;
using MizarNF.NodeRuntime.Tests.Fixtures;

namespace MizarNF.NodeRuntime.Tests.Demo;

/// <summary>The README's main job, as a new user runs it (fewer extra endpoints, to stay quick).</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_AsTheReadmeRunsIt_PassesAndCleansUp()
    {
        var cli = Path.Combine(Repo.Root, "Cli", "bin", Repo.Configuration, "net10.0", "mizarnf.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "demo", "--endpoints", "6" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = await p.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await p.WaitForExitAsync(timeout.Token);
        var output = stdout + await stderr;

        Assert.True(p.ExitCode == 0, output);
        Assert.Contains("Demo passed", output);
        Assert.Contains("the warm flow: no packet through a bouncer", output);
        Assert.Contains("the owner decided each flow once", output);
        var prefix = System.Text.RegularExpressions.Regex.Match(output, @"Cleaning up testbed (\S+)").Groups[1].Value;
        Assert.NotEmpty(prefix);
        Assert.False(Directory.Exists($"/run/mizarnf/{prefix}"));
        Assert.DoesNotContain(File.ReadAllText("/proc/self/mountinfo"), prefix, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles("/var/run/netns"), f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));
    }
}
