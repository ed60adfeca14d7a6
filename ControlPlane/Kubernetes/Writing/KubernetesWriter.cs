using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using MizarNF.ControlPlane.Kubernetes.Mapping;
using MizarNF.ControlPlane.Kubernetes.Resources;

namespace MizarNF.ControlPlane.Kubernetes.Writing;

/// <summary>
/// The operator's only writes to the API server: status through the status subresource,
/// finalizers through the object, the address annotation on Pods. Each returns true when the
/// write was made or is moot (404, 409, 422: the object is gone or changed, and the watch event
/// saying so is on its way and brings the write back), false when it failed and should be retried.
/// </summary>
internal sealed class KubernetesWriter(IKubernetes client, ILogger logger)
{
    private const string FieldManager = "mizarnf-operator";

    /// <summary>A merge patch of the status subresource of a mizarnf.io object.</summary>
    public Task<bool> PatchStatusAsync(ObjectSource source, string mergePatch, CancellationToken cancellationToken) =>
        SendAsync(source, "status", () =>
        {
            var patch = new V1Patch(mergePatch, V1Patch.PatchType.MergePatch);
            var plural = CustomResources.Plural(source.Resource);
            return source.Namespace is { } ns
                ? client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, CustomResources.Group, CustomResources.Version, ns, plural, source.Name, fieldManager: FieldManager, cancellationToken: cancellationToken)
                : client.CustomObjects.PatchClusterCustomObjectStatusAsync(patch, CustomResources.Group, CustomResources.Version, plural, source.Name, fieldManager: FieldManager, cancellationToken: cancellationToken);
        }, cancellationToken);

    /// <summary>A patch of a mizarnf.io object itself (its metadata: finalizers).</summary>
    public Task<bool> PatchObjectAsync(ObjectSource source, V1Patch patch, CancellationToken cancellationToken) =>
        SendAsync(source, "metadata", () =>
        {
            var plural = CustomResources.Plural(source.Resource);
            return source.Namespace is { } ns
                ? client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, CustomResources.Group, CustomResources.Version, ns, plural, source.Name, fieldManager: FieldManager, cancellationToken: cancellationToken)
                : client.CustomObjects.PatchClusterCustomObjectAsync(patch, CustomResources.Group, CustomResources.Version, plural, source.Name, fieldManager: FieldManager, cancellationToken: cancellationToken);
        }, cancellationToken);

    /// <summary>A merge patch of a Pod.</summary>
    public Task<bool> PatchPodAsync(ObjectSource source, string mergePatch, CancellationToken cancellationToken) =>
        SendAsync(source, "annotations", async () =>
            (object)await client.CoreV1.PatchNamespacedPodAsync(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), source.Name, source.Namespace, fieldManager: FieldManager, cancellationToken: cancellationToken), cancellationToken);

    private async Task<bool> SendAsync(ObjectSource source, string what, Func<Task<object>> send, CancellationToken cancellationToken)
    {
        try
        {
            await send();
            return true;
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            // Gone, or changed since we saw it: the event that says so is on its way and brings the write back.
            Log.PatchOutdated(logger, source.ToString(), what, (int)e.Response.StatusCode);
            return false;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.PatchFailed(logger, source.ToString(), what, e.Message);
            return false;
        }
    }
}
