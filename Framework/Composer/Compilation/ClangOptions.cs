namespace MizarNF.Composer.Compilation;

/// <summary>How to run clang and where to keep compiled objects.</summary>
/// <param name="ClangPath">clang able to emit BPF (Debian's clang-14).</param>
/// <param name="CacheDirectory">Compiled objects, keyed by a hash of all their inputs.</param>
public sealed record ClangOptions(string ClangPath, string CacheDirectory)
{
    /// <summary>$MIZARNF_CLANG or clang-14; $MIZARNF_CACHE or ~/.cache/mizarnf/bpf.</summary>
    public static ClangOptions Default { get; } = new(
        Environment.GetEnvironmentVariable("MIZARNF_CLANG") ?? "/usr/lib/llvm-14/bin/clang",
        Environment.GetEnvironmentVariable("MIZARNF_CACHE")
            ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "mizarnf", "bpf"));

    /// <summary>Arguments common to every compile; the multiarch include is where Debian keeps asm/types.h.</summary>
    public IReadOnlyList<string> BaseArguments { get; init; } =
    [
        "-O2", "-g", "-target", "bpf", "-std=gnu11",
        "-Wall", "-Wno-unused-function", "-Werror=implicit-function-declaration",
        "-I/usr/include/x86_64-linux-gnu",
    ];
}
