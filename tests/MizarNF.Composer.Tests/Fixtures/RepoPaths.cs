namespace MizarNF.Composer.Tests.Fixtures;

/// <summary>Paths into the repository the tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SamplePlugin(string name) => Path.Combine(Root, "tests", "plugins", name, name + ".csproj");

    public static string BpfTemplates => Path.Combine(Root, "bpf-templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MizarNF.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MizarNF.sln not found above " + AppContext.BaseDirectory);
    }
}
