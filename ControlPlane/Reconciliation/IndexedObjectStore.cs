using System.Net;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Store;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>
/// The reconciler's view of the store: every read and write goes to the store, and the addresses
/// endpoints hold are indexed per subnet, so that allocating an address does not read every
/// endpoint. The index is built from the store (so it survives restarts) and kept current by
/// Put and Delete; it stays right as long as the reconciler is the store's only writer, which
/// the store's lock ensures across processes.
/// </summary>
internal sealed class IndexedObjectStore : IObjectStore
{
    private readonly IObjectStore _inner;
    private readonly Dictionary<string, Dictionary<IPAddress, string>> _addresses = new(StringComparer.Ordinal);

    public IndexedObjectStore(IObjectStore inner)
    {
        _inner = inner;
        foreach (var endpoint in inner.List<Objects.Endpoint>())
        {
            Index(endpoint);
        }
    }

    /// <summary>The addresses held by endpoints of <paramref name="subnet"/>, with their holders.</summary>
    public IReadOnlyDictionary<IPAddress, string> AddressesIn(string subnet) =>
        _addresses.TryGetValue(subnet, out var held) ? held : new Dictionary<IPAddress, string>();

    public IReadOnlyList<T> List<T>()
        where T : MizarObject => _inner.List<T>();

    public IReadOnlyList<MizarObject> List(string kind) => _inner.List(kind);

    public T? Get<T>(string name)
        where T : MizarObject => _inner.Get<T>(name);

    public MizarObject? Get(string kind, string name) => _inner.Get(kind, name);

    public void Put(MizarObject obj) => Write(obj, _inner.Put);

    public void PutRederivable(MizarObject obj) => Write(obj, _inner.PutRederivable);

    public bool Delete(string kind, string name)
    {
        var old = _inner.Get(kind, name);
        var deleted = _inner.Delete(kind, name);
        Unindex(old);
        return deleted;
    }

    private void Index(MizarObject? obj)
    {
        if (obj is Objects.Endpoint { Status.Ip: { } ip } endpoint && IPAddress.TryParse(ip, out var address))
        {
            if (!_addresses.TryGetValue(endpoint.Spec.Subnet, out var held))
            {
                _addresses[endpoint.Spec.Subnet] = held = [];
            }

            held.TryAdd(address, endpoint.Name);
        }
    }

    private void Unindex(MizarObject? obj)
    {
        if (obj is Objects.Endpoint { Status.Ip: { } ip } endpoint && IPAddress.TryParse(ip, out var address)
            && _addresses.TryGetValue(endpoint.Spec.Subnet, out var held)
            && held.TryGetValue(address, out var holder) && holder == endpoint.Name)
        {
            held.Remove(address);
        }
    }

    private void Write(MizarObject obj, Action<MizarObject> put)
    {
        var old = _inner.Get(obj.Kind, obj.Name);
        put(obj);
        Unindex(old);
        Index(obj);
    }
}
