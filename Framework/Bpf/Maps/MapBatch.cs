using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>The BPF_MAP_*_BATCH commands: one syscall for many elements.</summary>
internal static unsafe class MapBatch
{
    private const int FirstChunk = 256;

    /// <summary>Creates or replaces every pair (the kernel takes no BPF_NOEXIST/BPF_EXIST per batch).</summary>
    internal static int Update<TKey, TValue>(MapFd map, ReadOnlySpan<TKey> keys, ReadOnlySpan<TValue> values)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        if (keys.Length != values.Length)
        {
            throw new ArgumentException($"{keys.Length} keys but {values.Length} values.", nameof(values));
        }

        if (keys.IsEmpty)
        {
            return 0;
        }

        var opts = Options();
        var count = (uint)keys.Length;
        using var lease = map.Lease();
        fixed (TKey* k = keys)
        fixed (TValue* v = values)
        {
            BpfError.Check(Libbpf.bpf_map_update_batch(map.RawFd, k, v, &count, &opts), "bpf_map_update_batch", map.Info.Name);
        }

        return (int)count;
    }

    /// <summary>
    /// Deletes the keys that are present. The kernel stops at the first absent key (ENOENT, with
    /// <c>count</c> = how many it deleted before it), so skip that key and go on.
    /// </summary>
    internal static int Delete<TKey>(MapFd map, ReadOnlySpan<TKey> keys)
        where TKey : unmanaged
    {
        var opts = Options();
        var deleted = 0;
        var offset = 0;
        using var lease = map.Lease();
        fixed (TKey* k = keys)
        {
            while (offset < keys.Length)
            {
                var count = (uint)(keys.Length - offset);
                var rc = Libbpf.bpf_map_delete_batch(map.RawFd, k + offset, &count, &opts);
                deleted += (int)count;
                offset += (int)count;
                if (rc == -Errno.ENOENT)
                {
                    offset++;
                }
                else
                {
                    BpfError.Check(rc, "bpf_map_delete_batch", map.Info.Name);
                }
            }
        }

        return deleted;
    }

    /// <summary>
    /// Every entry, a chunk per syscall; null when the map type has no batch lookup, so the caller
    /// iterates instead. A hash bucket larger than the chunk answers ENOSPC: the chunk grows.
    /// </summary>
    internal static List<KeyValuePair<TKey, TValue>>? Lookup<TKey, TValue>(MapFd map)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        var opts = Options();
        var chunk = (int)Math.Clamp(map.Info.MaxEntries, 1u, FirstChunk);
        var keys = new TKey[chunk];
        var values = new TValue[chunk];
        // The batch cursor is a u32 bucket for hash maps and a key for arrays.
        var inToken = new byte[Math.Max(sizeof(TKey), 8)];
        var outToken = new byte[inToken.Length];
        var result = new List<KeyValuePair<TKey, TValue>>();
        var first = true;
        using var lease = map.Lease();
        while (true)
        {
            var count = (uint)keys.Length;
            int rc;
            fixed (TKey* k = keys)
            fixed (TValue* v = values)
            fixed (byte* tokenIn = inToken, tokenOut = outToken)
            {
                rc = Libbpf.bpf_map_lookup_batch(map.RawFd, first ? null : tokenIn, tokenOut, k, v, &count, &opts);
            }

            var errno = rc < 0 ? -rc : 0;
            if (errno == Errno.ENOSPC && count == 0)
            {
                keys = new TKey[keys.Length * 2];
                values = new TValue[values.Length * 2];
                continue;
            }

            if (first && errno is Errno.EINVAL or Errno.EOPNOTSUPP or Errno.ENOTSUPP)
            {
                return null;
            }

            if (errno != 0 && errno != Errno.ENOENT)
            {
                throw new BpfException("bpf_map_lookup_batch", errno, map.Info.Name);
            }

            for (var i = 0; i < count; i++)
            {
                result.Add(new KeyValuePair<TKey, TValue>(keys[i], values[i]));
            }

            if (errno == Errno.ENOENT)
            {
                return result;
            }

            (inToken, outToken) = (outToken, inToken);
            first = false;
        }
    }

    private static bpf_map_batch_opts Options() => new() { sz = (nuint)sizeof(bpf_map_batch_opts) };
}
