using System.Diagnostics;
using MizarNF.Composer.Tests.Fixtures;

namespace MizarNF.Composer.Tests.Plugins;

/// <summary>
/// A plugin built outside the solution and dropped into a plugins directory is composed and run
/// by the unmodified `mizarnf` host (which has no compile-time reference to it).
/// </summary>
[Collection(SamplePluginsCollection.Name)]
public sealed class SamplePluginHostTests(SamplePluginsFixture plugins)
{
    [Fact]
    public void Pipeline_SamplePluginInPluginsDirectory_ComposedAndRunByHost()
    {
        var dir = Directory.CreateTempSubdirectory("mnf-host-plugins-").FullName;
        try
        {
            CopyDirectory(Path.Combine(plugins.Directory, "ProtoCounter"), Path.Combine(dir, "ProtoCounter"));

            var (exit, output) = RunHost("pipeline", "--plugins", dir, "--hook", "Xdp", "Tc");

            Assert.True(exit == 0, output);
            Assert.Contains("ProtoCounter     1.0", output);
            Assert.Contains("transit / xdp: 1 function(s) [ProtoCounter]", output);
            Assert.Contains("agent / tc: 1 function(s) [ProtoCounter]", output);
            Assert.Contains("all pipelines built, verified and ran", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Pipeline_PluginsDirectoryMissing_ExitsNonZeroWithMessage()
    {
        var (exit, output) = RunHost("pipeline", "--plugins", "/nonexistent/mnf-plugins");

        Assert.NotEqual(0, exit);
        Assert.Contains("does not exist", output);
    }

    private static (int Exit, string Output) RunHost(params string[] args)
    {
        var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var host = Path.Combine(RepoPaths.Root, "Cli", "bin", config, "net10.0", "mizarnf.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(host);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
