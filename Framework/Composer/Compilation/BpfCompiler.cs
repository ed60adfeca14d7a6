using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MizarNF.Composer.Pipeline;

namespace MizarNF.Composer.Compilation;

/// <summary>
/// Compiles rendered pipelines with clang. The object is cached under a hash of every input
/// (source, every header in the include directories, arguments), so an unchanged pipeline is
/// never compiled twice and a changed header always is.
/// </summary>
public sealed partial class BpfCompiler
{
    private readonly ClangOptions _options;

    /// <summary>Creates a compiler.</summary>
    public BpfCompiler(ClangOptions? options = null) => _options = options ?? ClangOptions.Default;

    /// <summary>Compiles <paramref name="rendered"/>, or returns the cached object.</summary>
    public CompiledPipeline Compile(RenderedPipeline rendered)
    {
        var args = new List<string>(_options.BaseArguments);
        args.AddRange(rendered.IncludeDirectories.Select(d => "-I" + d));
        var hash = Hash(rendered, args);
        Directory.CreateDirectory(_options.CacheDirectory);
        var stem = Path.Combine(_options.CacheDirectory, $"{Path.GetFileNameWithoutExtension(rendered.OutputName)}-{hash[..16]}");
        var objectPath = stem + ".o";
        var sourcePath = Path.Combine(stem + ".d", rendered.OutputName);
        if (File.Exists(objectPath) && File.Exists(sourcePath))
        {
            return new CompiledPipeline(rendered, objectPath, sourcePath, hash, FromCache: true);
        }

        // Several processes (a testbed's daemons) compile the same pipeline at once: each works in
        // a directory of its own and publishes with atomic renames, so no one ever compiles (or
        // caches) a source file another process is still writing.
        var work = Directory.CreateDirectory($"{stem}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp").FullName;
        try
        {
            var workSource = Path.Combine(work, rendered.OutputName);
            var workObject = Path.Combine(work, "out.o");
            File.WriteAllText(workSource, rendered.Source);
            args.AddRange(["-c", workSource, "-o", workObject]);
            var (exit, stderr) = Run(_options.ClangPath, args, work);
            if (exit != 0)
            {
                throw Diagnose(rendered, stderr);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.Move(workSource, sourcePath, overwrite: true);
            File.Move(workObject, objectPath, overwrite: true);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return new CompiledPipeline(rendered, objectPath, sourcePath, hash, FromCache: false);
    }

    private static string Hash(RenderedPipeline rendered, IEnumerable<string> args)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(rendered.Source));
        sha.AppendData(Encoding.UTF8.GetBytes(string.Join('\0', args)));
        foreach (var dir in rendered.IncludeDirectories.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*.h", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                sha.AppendData(Encoding.UTF8.GetBytes(file));
                sha.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static (int Exit, string Stderr) Run(string clang, IEnumerable<string> args, string workDir)
    {
        var psi = new ProcessStartInfo(clang) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = workDir };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {clang}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PipelineBuildException(BuildStage.Compile, null, null, null, $"cannot run clang at '{clang}': {e.Message} (set MIZARNF_CLANG)", inner: e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stderr.Result);
        }
    }

    /// <summary>Names the plugin and template line of clang's first error.</summary>
    private static PipelineBuildException Diagnose(RenderedPipeline rendered, string stderr)
    {
        var match = ErrorRegex().Matches(stderr).FirstOrDefault();
        if (match is null)
        {
            return new PipelineBuildException(BuildStage.Compile, null, rendered.OutputName, null, "clang failed", stderr);
        }

        var file = match.Groups["file"].Value;
        var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var owner = OwnerOf(rendered, file);
        return new PipelineBuildException(BuildStage.Compile, owner, file, line, match.Groups["msg"].Value.Trim(), stderr);
    }

    /// <summary>The function that owns a source path: its template, or a header in one of its directories.</summary>
    internal static string? OwnerOf(RenderedPipeline rendered, string file)
    {
        if (rendered.SourceOwners.TryGetValue(file, out var owner))
        {
            return owner;
        }

        // The verifier's line info names files by their base name only.
        var byBaseName = rendered.SourceOwners.FirstOrDefault(o => Path.GetFileName(o.Key) == file);
        if (byBaseName.Value is not null)
        {
            return byBaseName.Value;
        }

        var full = Path.IsPathRooted(file) ? file : null;
        if (full is null)
        {
            return null;
        }

        foreach (var f in rendered.Spec.Functions)
        {
            if (full.StartsWith(f.Directory.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                return f.Name;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<file>[^\n:]+):(?<line>\d+):(?<col>\d+): (?:fatal )?error: (?<msg>[^\n]*)", RegexOptions.Multiline)]
    private static partial Regex ErrorRegex();
}
