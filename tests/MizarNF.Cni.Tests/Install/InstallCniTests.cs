using System.Diagnostics;
using System.Text.Json;
using MizarNF.Cni.Tests.Fixtures;

namespace MizarNF.Cni.Tests.Install;

/// <summary>NodeRuntime/Cni/install-cni.sh: the plugin and the conflist where runtimes look, into directories of the test's own.</summary>
public sealed class InstallCniTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mizarnf-install-");

    [Fact]
    public void Install_IntoBinAndConfDirs_PluginRunsFromThereAndConflistNamesTheSocket()
    {
        var (bin, conf) = (Path.Combine(_root.FullName, "opt-cni-bin"), Path.Combine(_root.FullName, "etc-cni-net.d"));
        File.WriteAllText(Path.Combine(_root.FullName, "keep.conf"), "{}");

        var first = Install($"--bin-dir={bin}", $"--conf-dir={conf}", $"--plugin={Repo.CniPlugin}", "--socket=/run/mizarnf/test.sock");
        var second = Install($"--bin-dir={bin}", $"--conf-dir={conf}", $"--plugin={Repo.CniPlugin}", "--socket=/run/mizarnf/test.sock");

        Assert.True(first.Exit == 0, first.Output);
        Assert.True(second.Exit == 0, second.Output);
        Assert.Equal(["mizarnf-cni"], Directory.GetFiles(bin).Select(Path.GetFileName));
        Assert.Equal(["10-mizarnf.conflist"], Directory.GetFiles(conf).Select(Path.GetFileName));
        var list = JsonDocument.Parse(File.ReadAllText(Path.Combine(conf, "10-mizarnf.conflist"))).RootElement;
        Assert.Equal("mizarnf", list.GetProperty("name").GetString());
        Assert.Equal("/run/mizarnf/test.sock", list.GetProperty("plugins")[0].GetProperty("socket").GetString());
        Assert.Equal("mizarnf-cni", list.GetProperty("plugins")[0].GetProperty("type").GetString());
        var version = CniInvoker.Run(Path.Combine(bin, "mizarnf-cni"), CniInvoker.Env("VERSION"), string.Empty);
        Assert.Equal(0, version.Exit);
        Assert.Contains("1.1.0", version.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_NoPlugin_FailsAndInstallsNothing()
    {
        var conf = Path.Combine(_root.FullName, "conf");
        var run = Install($"--bin-dir={_root.FullName}/bin", $"--conf-dir={conf}", $"--plugin={_root.FullName}/none", $"--conflist={_root.FullName}/none.json");

        Assert.NotEqual(0, run.Exit);
        Assert.False(Directory.Exists(conf));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private (int Exit, string Output) Install(params string[] args)
    {
        // --plugin=/none falls back to the repository's published build; hide it with a copy of the script elsewhere.
        var script = Path.Combine(Repo.Root, "NodeRuntime", "Cni", "install-cni.sh");
        var psi = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(args.Any(a => a.EndsWith("/none", StringComparison.Ordinal)) ? CopyAway(script) : script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output.Result + errors);
    }

    private string CopyAway(string script)
    {
        var copy = Path.Combine(_root.FullName, "install-cni.sh");
        File.Copy(script, copy);
        return copy;
    }
}
