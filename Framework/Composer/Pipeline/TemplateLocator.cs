namespace MizarNF.Composer.Pipeline;

/// <summary>Finds the framework's base templates and headers (bpf-templates/).</summary>
public static class TemplateLocator
{
    /// <summary>
    /// The bpf-templates directory: $MIZARNF_BPF_TEMPLATES, else the copy next to the host's
    /// assemblies, else the repository's (walking up from the working directory).
    /// </summary>
    public static string FindBpfTemplates()
    {
        var env = Environment.GetEnvironmentVariable("MIZARNF_BPF_TEMPLATES");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.GetFullPath(env);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "bpf-templates");
        if (File.Exists(Path.Combine(beside, "pipeline.c.scriban")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bpf-templates");
            if (File.Exists(Path.Combine(candidate, "pipeline.c.scriban")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("bpf-templates not found: set MIZARNF_BPF_TEMPLATES");
    }
}
