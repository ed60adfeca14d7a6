using MizarNF.ControlPlane.Interop;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Store;

/// <summary>
/// A durable local store: one JSON file per object at <c>&lt;dir&gt;/&lt;kind&gt;/&lt;name&gt;.json</c>,
/// written atomically (temp file, fsync, rename, fsync of the directory). Opening takes an exclusive
/// lock on <c>&lt;dir&gt;/.lock</c> (flock through FileShare.None), held until disposed, so two
/// control planes never reconcile the same directory at once; because nobody else writes while the
/// lock is held, the store reads everything once and serves reads from memory.
/// </summary>
public sealed class FileObjectStore : IObjectStore, IDisposable
{
    private const string Extension = ".json";
    private const string TempExtension = ".json.tmp";

    private readonly string _directory;
    private readonly bool _durable;
    private readonly FileStream _lock;
    private readonly Dictionary<string, SortedDictionary<string, MizarObject>> _objects = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    private FileObjectStore(string directory, bool durable, FileStream lockFile)
    {
        _directory = directory;
        _durable = durable;
        _lock = lockFile;
        foreach (var kind in ObjectKinds.All)
        {
            _objects[kind] = new SortedDictionary<string, MizarObject>(StringComparer.Ordinal);
        }
    }

    /// <summary>The directory the store lives in.</summary>
    public string Root => _directory;

    /// <summary>
    /// Opens (creating if needed) the store in <paramref name="directory"/> and loads it. Throws
    /// <see cref="IOException"/> when another process (or another open store) holds its lock, and
    /// <see cref="InvalidDataException"/> naming the file when a stored object cannot be read.
    /// </summary>
    /// <param name="directory">The store's directory.</param>
    /// <param name="durable">False skips fsync (for throwaway stores in tests and benchmarks); writes stay atomic.</param>
    public static FileObjectStore Open(string directory, bool durable = true)
    {
        var dir = Path.GetFullPath(directory);
        Directory.CreateDirectory(dir);
        var lockPath = Path.Combine(dir, ".lock");
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"the store {dir} is in use: another control plane holds {lockPath}", e);
        }

        var store = new FileObjectStore(dir, durable, lockFile);
        try
        {
            store.Load();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
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
            return [.. Table(kind).Values];
        }
    }

    /// <inheritdoc/>
    public T? Get<T>(string name)
        where T : MizarObject => (T?)Get(ObjectKinds.NameOf<T>(), name);

    /// <inheritdoc/>
    public MizarObject? Get(string kind, string name)
    {
        lock (_gate)
        {
            return Table(kind).GetValueOrDefault(name);
        }
    }

    /// <inheritdoc/>
    public void Put(MizarObject obj) => Write(obj, syncDirectory: true);

    /// <summary>
    /// As <see cref="Put"/>, with the file's data synced but not the directory: after a crash the
    /// rename may be lost, so the previous (durable) version stands, or the new one, whole. One
    /// disk sync instead of two, on the path of every endpoint.
    /// </summary>
    public void PutRederivable(MizarObject obj) => Write(obj, syncDirectory: false);

    private void Write(MizarObject obj, bool syncDirectory)
    {
        ObjectNames.Validate(obj.Kind, obj.Name);
        var json = ObjectJson.Serialize(obj);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var dir = KindDirectory(obj.Kind);
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, obj.Name + Extension);
            var temp = Path.Combine(dir, obj.Name + TempExtension);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(json);
                writer.Flush();
                stream.Flush(flushToDisk: _durable);
            }

            File.Move(temp, path, overwrite: true);
            if (syncDirectory || !Table(obj.Kind).ContainsKey(obj.Name))
            {
                SyncDirectory(dir); // a new name must be durable: nothing older stands behind it
            }

            Table(obj.Kind)[obj.Name] = obj;
        }
    }

    /// <inheritdoc/>
    public bool Delete(string kind, string name)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var table = Table(kind);
            if (!table.Remove(name))
            {
                return false;
            }

            var dir = KindDirectory(kind);
            File.Delete(Path.Combine(dir, name + Extension));
            SyncDirectory(dir);
            return true;
        }
    }

    /// <summary>Releases the lock; the store can no longer be written.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _lock.Dispose();
        }
    }

    private SortedDictionary<string, MizarObject> Table(string kind) =>
        _objects.TryGetValue(kind, out var table) ? table : throw new ArgumentException($"unknown kind '{kind}'", nameof(kind));

    private string KindDirectory(string kind) => Path.Combine(_directory, kind.ToLowerInvariant());

    private void SyncDirectory(string dir)
    {
        if (_durable)
        {
            Libc.FsyncDirectory(dir);
        }
    }

    private void Load()
    {
        foreach (var kind in ObjectKinds.All)
        {
            var dir = KindDirectory(kind);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            // A temp file is a write that crashed before its rename: the previous version stands.
            foreach (var temp in Directory.EnumerateFiles(dir, "*" + TempExtension))
            {
                File.Delete(temp);
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*" + Extension))
            {
                var obj = Read(file);
                if (obj.Kind != kind || obj.Name + Extension != Path.GetFileName(file))
                {
                    throw new InvalidDataException($"{file} holds {obj.Kind} '{obj.Name}', which belongs elsewhere");
                }

                _objects[kind][obj.Name] = obj;
            }
        }
    }

    private static MizarObject Read(string file)
    {
        try
        {
            return ObjectJson.Deserialize(File.ReadAllText(file));
        }
        catch (ControlPlaneValidationException e)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }
    }
}
