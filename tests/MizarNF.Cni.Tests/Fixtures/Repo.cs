using System.Diagnostics;

namespace MizarNF.Cni.Tests.Fixtures;

/// <summary>Paths of the built daemon, plugins and the published CNI executable.</summary>
internal static class Repo
{
    private static readonly Lazy<string> Published = new(Publish);

    public static string Root { get; } = FindRoot();

    public static string Configuration => AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Daemon => Path.Combine(Root, "NodeRuntime", "Daemon", "bin", Configuration, "net10.0", "mizarnf-node.dll");

    public static string Plugins => Path.Combine(Root, "artifacts", "plugins");

    /// <summary>The NativeAOT mizarnf-cni that run.sh setup publishes to artifacts/cni (published here when missing).</summary>
    public static string CniPlugin => Published.Value;

    /// <summary>Debian's reference plugins (containernetworking-plugins).</summary>
    public static string ReferencePlugins => "/usr/lib/cni";

    private static string Publish()
    {
        var dir = Path.Combine(Root, "artifacts", "cni");
        var exe = Path.Combine(dir, "mizarnf-cni");
        if (File.Exists(exe))
        {
            return exe;
        }

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "publish", Path.Combine(Root, "NodeRuntime", "Cni", "MizarNF.Cni.csproj"), "-c", "Release", "-nologo", "-o", dir })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 && File.Exists(exe) ? exe : throw new InvalidOperationException($"publishing mizarnf-cni failed: {output.Result}{errors}");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MizarNF.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MizarNF.sln not found");
    }
}
