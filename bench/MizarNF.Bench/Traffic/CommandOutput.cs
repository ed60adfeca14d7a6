namespace MizarNF.Bench.Traffic;

/// <summary>How a command ended and what it printed.</summary>
internal sealed record CommandOutput(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both outputs, for error messages.</summary>
    public string Text => (Stdout + Stderr).Trim();
}
