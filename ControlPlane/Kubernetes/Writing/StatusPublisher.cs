using MizarNF.ControlPlane.Kubernetes.Mapping;
using MizarNF.ControlPlane.Kubernetes.Resources;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Writing;

/// <summary>
/// Writes an object's outcome back where Kubernetes users look: the status subresource of a custom
/// resource, the <see cref="MizarAnnotations.Ip"/> annotation of a Pod (Nodes get nothing: their
/// status is the kubelet's). Remembers what it wrote last, so an unchanged outcome costs no request.
/// </summary>
internal sealed class StatusPublisher(KubernetesWriter writer, TimeProvider time)
{
    private readonly Dictionary<string, string> _written = new(StringComparer.Ordinal);

    public async Task PublishAsync(ObjectSource source, MizarObject obj, CancellationToken cancellationToken)
    {
        if (CustomResources.IsCustom(source.Resource))
        {
            await WriteStatusAsync(source, CustomObjectMapping.StatusPatch(obj, source), null, cancellationToken);
        }
        else if (source.Resource == ResourceKind.Pod && obj is Objects.Endpoint { Status.Ip: { } ip }
            && source.Annotations.GetValueOrDefault(MizarAnnotations.Ip) != ip && _written.GetValueOrDefault(source.Key) != ip
            && await writer.PatchPodAsync(source, PodMapping.IpPatch(ip), cancellationToken))
        {
            _written[source.Key] = ip;
        }
    }

    /// <summary>Ready=False, reason Invalid, for a custom resource the control plane refused.</summary>
    public Task RefusedAsync(ObjectSource source, string message, CancellationToken cancellationToken) =>
        CustomResources.IsCustom(source.Resource)
            ? WriteStatusAsync(
                source,
                CustomObjectMapping.InvalidPatch(source, message, time.GetUtcNow()),
                CustomObjectMapping.InvalidPatch(source, message, DateTimeOffset.UnixEpoch),
                cancellationToken)
            : Task.CompletedTask;

    /// <summary>Forgets an object that is gone.</summary>
    public void Forget(string key) => _written.Remove(key);

    /// <summary>Patches the status unless the same was written last; <paramref name="identity"/> compares patches that differ only in time.</summary>
    private async Task WriteStatusAsync(ObjectSource source, string patch, string? identity, CancellationToken cancellationToken)
    {
        identity ??= patch;
        if (_written.GetValueOrDefault(source.Key) != identity && await writer.PatchStatusAsync(source, patch, cancellationToken))
        {
            _written[source.Key] = identity;
        }
    }
}
