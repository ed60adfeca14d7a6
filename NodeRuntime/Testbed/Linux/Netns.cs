using System.Globalization;

namespace MizarNF.Testbed;

/// <summary>Named network namespaces through iproute2 and nsenter. Nothing here touches the root namespace's links.</summary>
internal static class Netns
{
    public const string NamedRoot = "/var/run/netns";

    public static string PathOf(string name) => $"{NamedRoot}/{name}";

    /// <summary>The named namespaces that exist now (the files under /var/run/netns).</summary>
    public static IReadOnlySet<string> List() =>
        Directory.Exists(NamedRoot)
            ? Directory.EnumerateFiles(NamedRoot).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    public static bool Exists(string name) => File.Exists(PathOf(name));

    public static void Add(string name) => Shell.Run("ip", "netns", "add", name);

    /// <summary>Deletes the namespace; false when it did not exist.</summary>
    public static bool Delete(string name)
    {
        if (!Exists(name))
        {
            return false;
        }

        var result = Shell.TryRun(Shell.DefaultTimeout, "ip", "netns", "delete", name);
        if (result.Succeeded)
        {
            return true;
        }

        // Someone else deleted it meanwhile: what we wanted.
        return Exists(name)
            ? throw new InvalidOperationException($"ip netns delete {name} exited with {result.ExitCode}: {result.Stderr.Trim()}")
            : false;
    }

    /// <summary>Runs <c>ip -n NAME …</c>.</summary>
    public static string Ip(string name, params string[] arguments) => Shell.Run(["ip", "-n", name, .. arguments]);

    /// <summary>Sets sysctls of the namespace (net.* is per namespace), e.g. "net.ipv6.conf.all.disable_ipv6=1".</summary>
    public static void Sysctl(string name, params string[] settings) =>
        Shell.Run([.. Enter(name), "sysctl", "-q", "-w", .. settings]);

    /// <summary>
    /// The prefix of a command that runs in the namespace. nsenter with --net only, unlike
    /// <c>ip netns exec</c>, keeps the host's mounts: /sys/fs/bpf stays the host's bpffs.
    /// </summary>
    public static string[] Enter(string name) => ["nsenter", $"--net={PathOf(name)}", "--"];

    /// <summary>The processes whose network namespace is this one (<c>ip netns pids</c>), without this process.</summary>
    public static IReadOnlyList<int> Pids(string name)
    {
        if (!Exists(name))
        {
            return [];
        }

        var result = Shell.TryRun(Shell.DefaultTimeout, "ip", "netns", "pids", name);
        return result.Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture))
            .Where(p => p != Environment.ProcessId)
            .ToList();
    }
}
