using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace MizarNF.ControlPlane.Kubernetes.Resources;

/// <summary>The list and watch calls of each watched resource, through KubernetesClient.</summary>
internal static class ResourceSources
{
    /// <summary>A mizarnf.io custom resource: cluster-wide list and watch (all namespaces for endpoints).</summary>
    public static ResourceSource<CustomResource> Custom(IKubernetes client, ResourceKind kind)
    {
        var plural = CustomResources.Plural(kind);
        const string group = CustomResources.Group, version = CustomResources.Version;
        return kind == ResourceKind.Endpoint
            ? new(
                kind,
                async ct => ToList(await client.CustomObjects.ListCustomObjectForAllNamespacesAsync<CustomResourceList>(group, version, plural, cancellationToken: ct)),
                (rv, onError, ct) => Typed(client.CustomObjects.WatchListCustomObjectForAllNamespacesAsync(
                    group, version, plural, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct), ct))
            : new(
                kind,
                async ct => ToList(await client.CustomObjects.ListClusterCustomObjectAsync<CustomResourceList>(group, version, plural, cancellationToken: ct)),
                (rv, onError, ct) => Typed(client.CustomObjects.WatchListClusterCustomObjectAsync(
                    group, version, plural, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct), ct));
    }

    /// <summary>Core Pods of every namespace.</summary>
    public static ResourceSource<V1Pod> Pods(IKubernetes client) => new(
        ResourceKind.Pod,
        async ct =>
        {
            var list = await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct);
            return new ResourceList<V1Pod>([.. list.Items], list.Metadata?.ResourceVersion);
        },
        (rv, onError, ct) => client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct));

    /// <summary>Core Nodes.</summary>
    public static ResourceSource<V1Node> Nodes(IKubernetes client) => new(
        ResourceKind.Node,
        async ct =>
        {
            var list = await client.CoreV1.ListNodeAsync(cancellationToken: ct);
            return new ResourceList<V1Node>([.. list.Items], list.Metadata?.ResourceVersion);
        },
        (rv, onError, ct) => client.CoreV1.WatchListNodeAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct));

    /// <summary>Core Services of every namespace.</summary>
    public static ResourceSource<V1Service> Services(IKubernetes client) => new(
        ResourceKind.Service,
        async ct =>
        {
            var list = await client.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: ct);
            return new ResourceList<V1Service>([.. list.Items], list.Metadata?.ResourceVersion);
        },
        (rv, onError, ct) => client.CoreV1.WatchListServiceForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct));

    /// <summary>discovery.k8s.io/v1 EndpointSlices of every namespace.</summary>
    public static ResourceSource<V1EndpointSlice> EndpointSlices(IKubernetes client) => new(
        ResourceKind.EndpointSlice,
        async ct =>
        {
            var list = await client.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync(cancellationToken: ct);
            return new ResourceList<V1EndpointSlice>([.. list.Items], list.Metadata?.ResourceVersion);
        },
        (rv, onError, ct) => client.DiscoveryV1.WatchListEndpointSliceForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct));

    private static ResourceList<CustomResource> ToList(CustomResourceList list) => new([.. list.Items], list.Metadata?.ResourceVersion);

    /// <summary>The custom-object watch yields untyped JSON; read each object as a <see cref="CustomResource"/>.</summary>
    private static async IAsyncEnumerable<(WatchEventType, CustomResource)> Typed(
        IAsyncEnumerable<(WatchEventType, object)> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (type, obj) in events.WithCancellation(cancellationToken))
        {
            var json = obj is JsonElement element ? element : JsonSerializer.SerializeToElement(obj);
            yield return (type, KubernetesJson.Deserialize<CustomResource>(json));
        }
    }
}
