using MizarNF.Contracts;

namespace MizarNF.ControlPlane.Tests.Services;

/// <summary>
/// Maps in memory for a control handler: hash maps, except the array maps named at construction,
/// which (as the kernel's) hold a zeroed value at every index below their size.
/// </summary>
internal sealed class MemoryMaps(IReadOnlyDictionary<string, uint> arrays) : IMapProvider
{
    private readonly Dictionary<string, object> _maps = [];

    public IMap<TKey, TValue> Map<TKey, TValue>(string name)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        if (!_maps.TryGetValue(name, out var map))
        {
            _maps[name] = map = arrays.TryGetValue(name, out var size) ? new ArrayMap<TValue>(name, size) : new HashMap<TKey, TValue>(name);
        }

        return (IMap<TKey, TValue>)map;
    }

    private sealed class HashMap<TKey, TValue>(string name) : IMap<TKey, TValue>
        where TKey : unmanaged
        where TValue : unmanaged
    {
        private readonly Dictionary<TKey, TValue> _entries = [];

        public string Name => name;

        public bool TryLookup(in TKey key, out TValue value) => _entries.TryGetValue(key, out value);

        public void Update(in TKey key, in TValue value) => _entries[key] = value;

        public bool Delete(in TKey key) => _entries.Remove(key);

        public IEnumerable<KeyValuePair<TKey, TValue>> Entries() => [.. _entries];
    }

    private sealed class ArrayMap<TValue>(string name, uint size) : IMap<uint, TValue>
        where TValue : unmanaged
    {
        private readonly TValue[] _slots = new TValue[size];

        public string Name => name;

        public bool TryLookup(in uint key, out TValue value)
        {
            value = key < size ? _slots[key] : default;
            return key < size;
        }

        public void Update(in uint key, in TValue value) => _slots[key] = value;

        public bool Delete(in uint key) => false;

        public IEnumerable<KeyValuePair<uint, TValue>> Entries() => _slots.Select((v, i) => KeyValuePair.Create((uint)i, v));
    }
}
