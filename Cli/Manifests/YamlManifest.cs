using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace MizarNF.Cli.Manifests;

/// <summary>
/// Reads kubectl-style manifests: YAML (several documents separated by ---) or JSON, each
/// document turned into JSON for the object model. Plain YAML scalars become numbers, booleans
/// or null where they look like one, as YAML 1.2's core schema says.
/// </summary>
internal static class YamlManifest
{
    /// <summary>The documents of <paramref name="text"/>, as JSON.</summary>
    public static IReadOnlyList<string> Documents(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            var node = JsonNode.Parse(text);
            return node is JsonArray a ? a.Select(n => n!.ToJsonString()).ToList() : [node!.ToJsonString()];
        }

        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return yaml.Documents
            .Where(d => d.RootNode is YamlMappingNode { Children.Count: > 0 })
            .Select(d => Convert(d.RootNode)!.ToJsonString())
            .ToList();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, Convert(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Convert).ToArray()),
        YamlScalarNode v => Scalar(v),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode v)
    {
        var text = v.Value ?? string.Empty;
        if (v.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
