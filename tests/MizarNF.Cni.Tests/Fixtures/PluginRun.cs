using System.Text.Json;

namespace MizarNF.Cni.Tests.Fixtures;

/// <summary>What one plugin invocation left: exit code, stdout, stderr.</summary>
public sealed record PluginRun(int Exit, string Stdout, string Stderr)
{
    /// <summary>stdout as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement.Clone();

    /// <summary>The spec error code on stdout (0 when exit was 0).</summary>
    public int Code => Exit == 0 ? 0 : Json.GetProperty("code").GetInt32();

    /// <inheritdoc/>
    public override string ToString() => $"exit {Exit}; stdout {Stdout}; stderr {Stderr}";
}
