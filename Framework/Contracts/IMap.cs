namespace MizarNF.Contracts;

/// <summary>A typed kernel map, as a control handler sees it.</summary>
public interface IMap<TKey, TValue>
    where TKey : unmanaged
    where TValue : unmanaged
{
    /// <summary>The map's name.</summary>
    string Name { get; }

    /// <summary>Looks a key up.</summary>
    bool TryLookup(in TKey key, out TValue value);

    /// <summary>Inserts or replaces an entry.</summary>
    void Update(in TKey key, in TValue value);

    /// <summary>Removes an entry; false when it was not there.</summary>
    bool Delete(in TKey key);

    /// <summary>All entries, read from the kernel.</summary>
    IEnumerable<KeyValuePair<TKey, TValue>> Entries();
}
