using System.Diagnostics;
using MizarNF.Composer.Plugins;

namespace MizarNF.TestKit.Pipelines;

/// <summary>Builds a plugin project into a plugins directory and loads it, as a host would.</summary>
public static class PluginBuilder
{
    /// <summary>
    /// Runs <c>dotnet build</c> on <paramref name="projectPath"/> with its output laid out under
    /// <paramref name="pluginsDirectory"/>, then loads it from there.
    /// </summary>
    public static LoadedFunction BuildAndLoad(string projectPath, string pluginsDirectory)
    {
        Build(projectPath, pluginsDirectory);
        var name = Path.GetFileNameWithoutExtension(projectPath);
        return PluginCatalog.LoadOne(Path.Combine(pluginsDirectory, name, name + ".dll"));
    }

    /// <summary>Builds a plugin project into <paramref name="pluginsDirectory"/>.</summary>
    public static void Build(string projectPath, string pluginsDirectory)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "build", projectPath, "-nologo", "-v", "q", "-c", "Release", $"-p:PluginsOutput={pluginsDirectory.TrimEnd('/')}/" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {projectPath} failed:\n{stdout.Result}\n{stderr}");
        }
    }
}
