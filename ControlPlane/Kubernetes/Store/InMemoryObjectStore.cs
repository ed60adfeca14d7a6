using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Store;

namespace MizarNF.ControlPlane.Kubernetes.Store;

/// <summary>
/// A store in memory, for a control plane whose source of truth is elsewhere: in Kubernetes mode
/// the API server holds every object, and each leader builds its store afresh from a list.
/// Thread-safe; nothing is durable.
/// </summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private readonly Dictionary<string, SortedDictionary<string, MizarObject>> _objects = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>An empty store.</summary>
    public InMemoryObjectStore()
    {
        foreach (var kind in ObjectKinds.All)
        {
            _objects[kind] = new SortedDictionary<string, MizarObject>(StringComparer.Ordinal);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<T> List<T>()
        where T : MizarObject => [.. List(ObjectKinds.NameOf<T>()).Cast<T>()];

    /// <inheritdoc/>
    public IReadOnlyList<MizarObject> List(string kind)
    {
        lock (_gate)
        {
            return [.. _objects[ObjectKinds.Canonical(kind)].Values];
        }
    }

    /// <inheritdoc/>
    public T? Get<T>(string name)
        where T : MizarObject => Get(ObjectKinds.NameOf<T>(), name) as T;

    /// <inheritdoc/>
    public MizarObject? Get(string kind, string name)
    {
        lock (_gate)
        {
            return _objects[ObjectKinds.Canonical(kind)].GetValueOrDefault(name);
        }
    }

    /// <inheritdoc/>
    public void Put(MizarObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        lock (_gate)
        {
            _objects[obj.Kind][obj.Name] = obj;
        }
    }

    /// <inheritdoc/>
    public bool Delete(string kind, string name)
    {
        lock (_gate)
        {
            return _objects[ObjectKinds.Canonical(kind)].Remove(name);
        }
    }
}
