using System.Runtime.InteropServices;
using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// A map fd and the untyped element syscalls. The fd is either borrowed from a loaded
/// <see cref="BpfObject"/> (whose handle is leased around each call) or owned, when opened from a pin.
/// </summary>
internal sealed unsafe class MapFd : IDisposable
{
    private readonly SafeHandle _owner;
    private readonly int _fd;
    private readonly bool _owned;

    private MapFd(SafeHandle owner, int fd, MapInfo info, bool owned)
    {
        _owner = owner;
        _fd = fd;
        _owned = owned;
        Info = info;
    }

    internal MapInfo Info { get; }

    internal int Fd
    {
        get
        {
            using var lease = Lease();
            return _fd;
        }
    }

    /// <summary>The fd for a call made under <see cref="Lease"/>.</summary>
    internal int RawFd => _fd;

    internal static MapFd Borrowed(SafeHandle owner, int fd, MapInfo info) => new(owner, fd, info, owned: false);

    internal static MapFd OpenPinned(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fd = BpfError.Check(Libbpf.bpf_obj_get(path), "bpf_obj_get", path);
        var handle = new FileDescriptorHandle(fd);
        try
        {
            // A pinned program would answer BPF_OBJ_GET_INFO_BY_FD with a bpf_prog_info.
            var kind = new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
            if (kind is null || !kind.EndsWith("anon_inode:bpf-map", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"'{path}' is not a pinned BPF map ({kind}).");
            }

            var info = ObjectInfo.Map(fd, path);
            var name = NativeText.FromFixed(info.name, 16);
            return new MapFd(handle, fd, new MapInfo(name, (BpfMapType)info.type, info.key_size, info.value_size, info.max_entries), owned: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    internal SafeHandleLease Lease() => new(_owner, $"map '{Info.Name}'");

    internal bool TryLookup(void* key, void* value)
    {
        using var lease = Lease();
        return Found(Libbpf.bpf_map_lookup_elem(_fd, key, value), "bpf_map_lookup_elem");
    }

    internal void Update(void* key, void* value, MapUpdateFlags flags)
    {
        using var lease = Lease();
        BpfError.Check(Libbpf.bpf_map_update_elem(_fd, key, value, (ulong)flags), "bpf_map_update_elem", Info.Name);
    }

    internal bool Delete(void* key)
    {
        using var lease = Lease();
        return Found(Libbpf.bpf_map_delete_elem(_fd, key), "bpf_map_delete_elem");
    }

    /// <summary>BPF_MAP_GET_NEXT_KEY: lazily, so a large map is never copied whole.</summary>
    internal IEnumerable<TKey> Keys<TKey>()
        where TKey : unmanaged
    {
        var previous = default(TKey);
        var first = true;
        while (NextKey(first, previous, out var next))
        {
            first = false;
            previous = next;
            yield return next;
        }
    }

    internal void Pin(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var lease = Lease();
        BpfError.Check(Libbpf.bpf_obj_pin(_fd, path), "bpf_obj_pin", $"{Info.Name} -> {path}");
    }

    /// <summary>Closes the fd when it was opened from a pin; a borrowed fd belongs to its object.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            _owner.Dispose();
        }
    }

    private bool NextKey<TKey>(bool first, TKey previous, out TKey next)
        where TKey : unmanaged
    {
        TKey result;
        using var lease = Lease();
        var found = Found(Libbpf.bpf_map_get_next_key(_fd, first ? null : &previous, &result), "bpf_map_get_next_key");
        next = found ? result : default;
        return found;
    }

    private bool Found(int rc, string operation) =>
        rc != -Errno.ENOENT && BpfError.Check(rc, operation, Info.Name) >= 0;
}
