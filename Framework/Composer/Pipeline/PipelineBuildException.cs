namespace MizarNF.Composer.Pipeline;

/// <summary>
/// Building a pipeline failed. Names the function and the line in its template wherever the
/// failure can be traced to one, and carries the tool's own output (clang's diagnostics or the
/// verifier log) for the details.
/// </summary>
public sealed class PipelineBuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PipelineBuildException(BuildStage stage, string? function, string? template, int? line, string message, string? details = null, Exception? inner = null)
        : base(Format(stage, function, template, line, message), inner)
    {
        Stage = stage;
        Function = function;
        Template = template;
        Line = line;
        Details = details;
    }

    /// <summary>The stage that failed.</summary>
    public BuildStage Stage { get; }

    /// <summary>The function the failure traces to, or null for the framework's own templates.</summary>
    public string? Function { get; }

    /// <summary>The template (path) the failure traces to.</summary>
    public string? Template { get; }

    /// <summary>The 1-based line in <see cref="Template"/>.</summary>
    public int? Line { get; }

    /// <summary>Full diagnostics: clang's output or the verifier log.</summary>
    public string? Details { get; }

    private static string Format(BuildStage stage, string? function, string? template, int? line, string message)
    {
        var where = function is null ? "framework" : $"plugin '{function}'";
        if (template is not null)
        {
            where += line is null ? $", {template}" : $", {template}:{line}";
        }

        return $"{stage.ToString().ToLowerInvariant()} error in {where}: {message}";
    }
}
