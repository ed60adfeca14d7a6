namespace MizarNF.Contracts.Control;

/// <summary>Applies desired map contents as a difference: writes only what is missing or different.</summary>
public static class MapDiff
{
    /// <summary>Writes each desired entry unless the map already holds that value.</summary>
    public static ControlResult Upsert<TKey, TValue>(IMap<TKey, TValue> map, IEnumerable<KeyValuePair<TKey, TValue>> desired)
        where TKey : unmanaged
        where TValue : unmanaged, IEquatable<TValue>
    {
        int written = 0, unchanged = 0;
        foreach (var (key, value) in desired)
        {
            if (map.TryLookup(key, out var current) && current.Equals(value))
            {
                unchanged++;
                continue;
            }

            map.Update(key, value);
            written++;
        }

        return new ControlResult(written, 0, unchanged);
    }

    /// <summary>Removes the given keys.</summary>
    public static ControlResult Remove<TKey, TValue>(IMap<TKey, TValue> map, IEnumerable<TKey> keys)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        var deleted = keys.Count(k => map.Delete(k));
        return new ControlResult(0, deleted, 0);
    }

    /// <summary>
    /// Makes the map's entries within <paramref name="inScope"/> equal to <paramref name="desired"/>:
    /// upserts the desired ones, then deletes in-scope keys nobody wants any more.
    /// </summary>
    public static ControlResult Replace<TKey, TValue>(IMap<TKey, TValue> map, IReadOnlyDictionary<TKey, TValue> desired, Func<TKey, bool>? inScope = null)
        where TKey : unmanaged
        where TValue : unmanaged, IEquatable<TValue>
    {
        var result = Upsert(map, desired);
        var stale = map.Entries().Select(e => e.Key).Where(k => !desired.ContainsKey(k) && (inScope?.Invoke(k) ?? true)).ToList();
        return result + Remove(map, stale);
    }
}
