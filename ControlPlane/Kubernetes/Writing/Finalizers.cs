using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using MizarNF.ControlPlane.Kubernetes.Mapping;

namespace MizarNF.ControlPlane.Kubernetes.Writing;

/// <summary>
/// The patches that add and remove <see cref="MizarAnnotations.Finalizer"/>. Both are guarded
/// against concurrent writers, so that another controller's finalizer is never lost: the add is a
/// merge patch carrying the resourceVersion it was computed from (409 Conflict if the object
/// changed), the removal a JSON patch that tests the entry before removing it (422 if it moved).
/// </summary>
internal static class Finalizers
{
    /// <summary>The patch adding our finalizer to <paramref name="source"/>'s list.</summary>
    public static V1Patch Add(ObjectSource source)
    {
        var finalizers = new JsonArray([.. source.Finalizers.Append(MizarAnnotations.Finalizer).Select(f => (JsonNode?)JsonValue.Create(f))]);
        var metadata = new JsonObject { ["finalizers"] = finalizers, ["resourceVersion"] = source.ResourceVersion };
        return new V1Patch(new JsonObject { ["metadata"] = metadata }.ToJsonString(), V1Patch.PatchType.MergePatch);
    }

    /// <summary>The patch removing our finalizer from <paramref name="source"/>'s list (which must hold it).</summary>
    public static V1Patch Remove(ObjectSource source)
    {
        var path = $"/metadata/finalizers/{IndexOf(source)}";
        object[] operations =
        [
            new { op = "test", path, value = MizarAnnotations.Finalizer },
            new { op = "remove", path },
        ];
        return new V1Patch(JsonSerializer.Serialize(operations), V1Patch.PatchType.JsonPatch);
    }

    private static int IndexOf(ObjectSource source)
    {
        for (var i = 0; i < source.Finalizers.Count; i++)
        {
            if (source.Finalizers[i] == MizarAnnotations.Finalizer)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{source} does not hold {MizarAnnotations.Finalizer}");
    }
}
