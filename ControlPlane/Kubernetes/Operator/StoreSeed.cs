using k8s.Models;
using MizarNF.ControlPlane.Kubernetes.Mapping;
using MizarNF.ControlPlane.Kubernetes.Resources;
using MizarNF.ControlPlane.Kubernetes.Store;

namespace MizarNF.ControlPlane.Kubernetes.Operator;

/// <summary>
/// A new leader's store, made from what previous leaders wrote back to the API server: the status
/// of custom resources (VNIs, endpoint addresses, divider and bouncer placement) and the address
/// annotation of Pods. Without it, every fail-over would hand out new VNIs and addresses.
/// Objects being deleted are not seeded (their deletion is handled from the events).
/// </summary>
internal static class StoreSeed
{
    public static InMemoryObjectStore Build(IEnumerable<(ResourceKind Kind, CustomResource Resource)> customs, IEnumerable<V1Pod> pods)
    {
        var store = new InMemoryObjectStore();
        foreach (var (kind, resource) in customs.Where(c => c.Resource.Metadata.DeletionTimestamp is null))
        {
            if (CustomObjectMapping.ToSeed(resource, ObjectSource.Of(kind, resource.Metadata)) is { } seed)
            {
                store.Put(seed);
            }
        }

        foreach (var pod in pods.Where(p => p.Metadata.DeletionTimestamp is null))
        {
            if (PodMapping.ToSeed(pod, ObjectSource.Of(ResourceKind.Pod, pod.Metadata)) is { } seed && store.Get(seed.Kind, seed.Name) is null)
            {
                store.Put(seed);
            }
        }

        return store;
    }
}
