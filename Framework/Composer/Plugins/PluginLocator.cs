namespace MizarNF.Composer.Plugins;

/// <summary>Where hosts look for plugins when not told.</summary>
public static class PluginLocator
{
    /// <summary>$MIZARNF_PLUGINS, else plugins/ beside the executable, else the repository's artifacts/plugins.</summary>
    public static string Default()
    {
        var env = Environment.GetEnvironmentVariable("MIZARNF_PLUGINS");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "plugins");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "artifacts", "plugins");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return beside;
    }
}
