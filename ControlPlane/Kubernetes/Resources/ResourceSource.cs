using k8s;
using k8s.Models;

namespace MizarNF.ControlPlane.Kubernetes.Resources;

/// <summary>How to list and watch one resource: the two calls a <see cref="Watching.ResourceWatch{T}"/> makes.</summary>
/// <typeparam name="T">The object type the API server's JSON is read into.</typeparam>
/// <param name="Kind">Which resource.</param>
/// <param name="List">Lists every object; returns them with the list's resourceVersion.</param>
/// <param name="Watch">Watches from a resourceVersion; errors inside the stream (such as 410 Gone) go to the callback.</param>
internal sealed record ResourceSource<T>(
    ResourceKind Kind,
    Func<CancellationToken, Task<ResourceList<T>>> List,
    Func<string?, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType Type, T Object)>> Watch)
    where T : class, IMetadata<V1ObjectMeta>;
