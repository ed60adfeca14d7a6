namespace MizarNF.NodeRuntime.Tests.Fixtures;

/// <summary>Paths of the built daemon and plugins, in the configuration the tests were built in.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Configuration => AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Daemon => Path.Combine(Root, "NodeRuntime", "Daemon", "bin", Configuration, "net10.0", "mizarnf-node.dll");

    public static string Plugins => Path.Combine(Root, "artifacts", "plugins");

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
