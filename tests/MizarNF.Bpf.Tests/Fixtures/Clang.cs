namespace MizarNF.Bpf.Tests.Fixtures;

/// <summary>clang as the Composer runs it ($MIZARNF_CLANG or Debian's clang-14).</summary>
internal static class Clang
{
    public static string Path { get; } = Environment.GetEnvironmentVariable("MIZARNF_CLANG") ?? "/usr/lib/llvm-14/bin/clang";

    /// <summary>Compiles one BPF C file; the multiarch include is where Debian keeps asm/types.h.</summary>
    public static void CompileBpf(string source, string output) =>
        Command.Run(Path, "-O2", "-g", "-target", "bpf", "-Wall", "-Werror", "-I/usr/include/x86_64-linux-gnu", "-c", source, "-o", output);

    /// <summary>Compiles C for the host without emitting anything; returns exit code and diagnostics.</summary>
    public static (int ExitCode, string Diagnostics) CheckHostC(string source, params string[] includeDirectories)
    {
        var arguments = new List<string> { "-fsyntax-only", "-std=gnu11", "-Werror" };
        arguments.AddRange(includeDirectories.Select(d => "-I" + d));
        arguments.Add(source);
        var (exitCode, output, error) = Command.TryRun(Path, [.. arguments]);
        return (exitCode, error + output);
    }
}
