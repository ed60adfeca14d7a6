namespace MizarNF.Bpf.Tests.Fixtures;

/// <summary>
/// Test resources are named <c>mnf-test-PID-...</c>. A run killed before its cleanup leaves them
/// behind; the next run removes those whose process is gone (and nothing else).
/// </summary>
internal static class DeadRuns
{
    public const string Prefix = "mnf-test-";

    public static string NameForThisRun(string unique) => $"{Prefix}{Environment.ProcessId}-{unique}";

    public static bool Left(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal)
        && name[Prefix.Length..].Split('-')[0] is var pid
        && int.TryParse(pid, out var id)
        && id != Environment.ProcessId
        && !Directory.Exists($"/proc/{id}");
}
