namespace MizarNF.Testbed;

/// <summary>How a command ended and what it printed.</summary>
internal readonly record struct CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;
}
