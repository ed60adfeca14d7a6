using k8s;
using k8s.Models;

namespace MizarNF.ControlPlane.Kubernetes.Mapping;

/// <summary>
/// The core Services and EndpointSlices last seen, so that an event of either can rebuild the
/// whole MizarNF service: a Service has many slices, and each arrives on its own watch. Slices
/// are keyed by namespace and name and grouped by their <see cref="ServiceMapping.ServiceNameLabel"/> label.
/// Used on the operator's one worker only.
/// </summary>
internal sealed class EndpointSliceIndex
{
    private readonly Dictionary<(string Namespace, string Name), V1Service> _services = [];
    private readonly Dictionary<(string Namespace, string Name), (string Service, V1EndpointSlice Slice)> _slices = [];

    /// <summary>Records a Service event; returns its namespace and name.</summary>
    public (string Namespace, string Name) Service(WatchEventType type, V1Service service)
    {
        var key = (service.Metadata.NamespaceProperty ?? string.Empty, service.Metadata.Name);
        if (type == WatchEventType.Deleted)
        {
            _services.Remove(key);
        }
        else
        {
            _services[key] = service;
        }

        return key;
    }

    /// <summary>
    /// Records an EndpointSlice event; returns the Services whose backends it may change: the one
    /// it names, and the one it named before if its label changed (none for a slice of no Service).
    /// </summary>
    public IReadOnlyList<(string Namespace, string Name)> Slice(WatchEventType type, V1EndpointSlice slice)
    {
        var ns = slice.Metadata.NamespaceProperty ?? string.Empty;
        var key = (ns, slice.Metadata.Name);
        var before = _slices.TryGetValue(key, out var old) ? old.Service : null;
        var owner = slice.Metadata.Labels is { } labels && labels.TryGetValue(ServiceMapping.ServiceNameLabel, out var named) ? named : null;
        if (type == WatchEventType.Deleted || owner is null)
        {
            _slices.Remove(key);
        }
        else
        {
            _slices[key] = (owner, slice);
        }

        return [.. new[] { before, type == WatchEventType.Deleted ? null : owner }.OfType<string>().Distinct(StringComparer.Ordinal).Select(s => (ns, s))];
    }

    /// <summary>The Service last seen, or null.</summary>
    public V1Service? Find(string ns, string name) => _services.GetValueOrDefault((ns, name));

    /// <summary>The slices of a Service, by slice name.</summary>
    public IReadOnlyList<V1EndpointSlice> SlicesOf(string ns, string name) =>
    [
        .. _slices.Where(p => p.Key.Namespace == ns && p.Value.Service == name).OrderBy(p => p.Key.Name, StringComparer.Ordinal).Select(p => p.Value.Slice),
    ];
}
