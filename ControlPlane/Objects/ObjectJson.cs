using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MizarNF.ControlPlane.Objects;

/// <summary>Objects to and from JSON (camelCase, Kubernetes layout; nulls omitted).</summary>
public static class ObjectJson
{
    /// <summary>The serializer options used for objects.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // files for people, never embedded in HTML
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The object as JSON.</summary>
    public static string Serialize(MizarObject obj) => JsonSerializer.Serialize(obj, obj.GetType(), Options);

    /// <summary>An object of whatever kind the JSON says; throws <see cref="ControlPlaneValidationException"/> saying why not.</summary>
    public static MizarObject Deserialize(string json)
    {
        try
        {
            var node = JsonNode.Parse(json) as JsonObject ?? throw new ControlPlaneValidationException("not a MizarNF object: expected a JSON object");
            var apiVersion = node["apiVersion"]?.GetValue<string>();
            if (apiVersion != MizarObject.CurrentApiVersion)
            {
                throw new ControlPlaneValidationException($"not a MizarNF object: apiVersion is '{apiVersion}', expected '{MizarObject.CurrentApiVersion}'");
            }

            var kind = node["kind"]?.GetValue<string>() ?? throw new ControlPlaneValidationException("not a MizarNF object: no kind");
            var type = ObjectKinds.TypeOf(kind) ?? throw new ControlPlaneValidationException($"unknown kind '{kind}' (kinds: {string.Join(", ", ObjectKinds.All)})");
            node.Remove("kind");
            return (MizarObject?)node.Deserialize(type, Options) ?? throw new ControlPlaneValidationException($"{kind}: null object");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ControlPlaneValidationException($"not a valid MizarNF object: {e.Message}", e);
        }
    }

    /// <summary>An object of kind <typeparamref name="T"/>; throws <see cref="ControlPlaneValidationException"/> saying why not.</summary>
    public static T Deserialize<T>(string json)
        where T : MizarObject =>
        Deserialize(json) as T ?? throw new ControlPlaneValidationException($"expected a {ObjectKinds.NameOf<T>()}");
}
