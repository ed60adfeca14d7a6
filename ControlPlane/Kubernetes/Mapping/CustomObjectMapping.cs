using System.Text.Json;
using System.Text.Json.Nodes;
using MizarNF.ControlPlane.Kubernetes.Resources;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Mapping;

/// <summary>
/// mizarnf.io objects to MizarNF objects and MizarNF status back to status patches. Only name,
/// namespace, labels, annotations and spec cross over: the rest of the Kubernetes metadata
/// (resourceVersion, managedFields, finalizers...) is the API server's business, and the status
/// belongs to the control plane.
/// </summary>
internal static class CustomObjectMapping
{
    /// <summary>The object a custom resource asks for; throws <see cref="ControlPlaneValidationException"/> saying why not.</summary>
    public static MizarObject ToObject(CustomResource resource, ObjectSource source) =>
        Read(resource, source, Json(resource, source));

    /// <summary>
    /// The object as a previous leader left it, with the status it wrote back (VNI, addresses,
    /// placement), so that a new leader keeps them. Converged only when the status says it
    /// observed the current generation. Null when there is no status or it cannot be read.
    /// </summary>
    public static MizarObject? ToSeed(CustomResource resource, ObjectSource source)
    {
        if (resource.Status is not { ValueKind: JsonValueKind.Object } status)
        {
            return null;
        }

        var json = Json(resource, source);
        var seeded = JsonNode.Parse(status.GetRawText())!.AsObject();
        var observed = seeded["observedGeneration"]?.GetValueKind() == JsonValueKind.Number ? seeded["observedGeneration"]!.GetValue<long>() : (long?)null;
        seeded["observedGeneration"] = observed is not null && observed == source.Generation ? 1 : 0;
        json["status"] = seeded;
        json["metadata"]!["generation"] = 1;
        json["metadata"]!["uid"] = resource.Metadata.Uid;
        try
        {
            return Read(resource, source, json);
        }
        catch (ControlPlaneValidationException)
        {
            return null; // written by someone else: reconcile from scratch
        }
    }

    /// <summary>
    /// The merge patch of the status subresource: the control plane's status, with
    /// observedGeneration the Kubernetes generation it reflects (null while it reflects none).
    /// </summary>
    public static string StatusPatch(MizarObject obj, ObjectSource source)
    {
        var status = JsonNode.Parse(ObjectJson.Serialize(obj))!["status"]!.DeepClone().AsObject();
        var current = obj.ObjectStatus.ObservedGeneration == obj.Metadata.Generation;
        status["observedGeneration"] = current ? source.Generation : null;
        return new JsonObject { ["status"] = status }.ToJsonString();
    }

    /// <summary>The merge patch of the status subresource for an object the control plane refused.</summary>
    public static string InvalidPatch(ObjectSource source, string message, DateTimeOffset now)
    {
        var ready = new Condition(Conditions.Ready, Conditions.False, Invalid, message, now);
        var conditions = JsonSerializer.SerializeToNode(new[] { ready }, ObjectJson.Options);
        return new JsonObject
        {
            ["status"] = new JsonObject { ["observedGeneration"] = source.Generation, ["conditions"] = conditions },
        }.ToJsonString();
    }

    /// <summary>The control plane's reason for a refused object (as in its Reconciliation.Reasons).</summary>
    public const string Invalid = "Invalid";

    private static JsonObject Json(CustomResource resource, ObjectSource source)
    {
        var metadata = new JsonObject { ["name"] = source.MizarName };
        if (source.Namespace is not null)
        {
            metadata["namespace"] = source.Namespace;
        }

        if (resource.Metadata.Labels is { Count: > 0 } labels)
        {
            metadata["labels"] = JsonSerializer.SerializeToNode(labels);
        }

        if (resource.Metadata.Annotations is { Count: > 0 } annotations)
        {
            metadata["annotations"] = JsonSerializer.SerializeToNode(annotations);
        }

        return new JsonObject
        {
            ["apiVersion"] = resource.ApiVersion,
            ["kind"] = resource.Kind,
            ["metadata"] = metadata,
            ["spec"] = resource.Spec is { } spec ? JsonNode.Parse(spec.GetRawText()) : null,
        };
    }

    private static MizarObject Read(CustomResource resource, ObjectSource source, JsonObject json)
    {
        if (!string.Equals(resource.Kind, source.MizarKind, StringComparison.Ordinal))
        {
            throw new ControlPlaneValidationException($"{source}: kind is '{resource.Kind}', expected '{source.MizarKind}'");
        }

        return ObjectJson.Deserialize(json.ToJsonString());
    }
}
