using System.Text.Json.Nodes;

namespace MizarNF.ControlPlane.Kubernetes.Tests.FakeApi;

/// <summary>A request the fake API server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, string Body)
{
    /// <summary>The body as JSON.</summary>
    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>True for a watch request.</summary>
    public bool IsWatch => Query.Contains("watch=true", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}{Query} [{ContentType}] {Body}";
}
