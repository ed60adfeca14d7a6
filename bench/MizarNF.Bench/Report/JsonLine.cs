using System.Text.Json;
using System.Text.Json.Nodes;

namespace MizarNF.Bench.Report;

/// <summary>The one JSON line every benchmark ends with: its figures, for machines to compare runs.</summary>
internal static class JsonLine
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static void Print(JsonObject figures, TextWriter output) => output.WriteLine(figures.ToJsonString(Compact));
}
