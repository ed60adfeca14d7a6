using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>
/// The endpoints a node made, one small JSON file each under <c>endpoints/</c>, so a restarted
/// daemon finds every interface it owns. Maps need no file: they are pinned.
/// <para>
/// A save writes only the endpoints that changed since the last one (temp file, rename: never a
/// torn file) and removes the files of those that went, so its cost does not grow with the
/// endpoints a node holds. There is no fsync: the file must outlive the daemon, which the page
/// cache guarantees, not the machine — a reboot takes the namespaces, veths and bpffs pins the
/// file describes with it, and the control plane provisions again.
/// </para>
/// </summary>
public sealed class StateStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    // The record last written per endpoint: the manager replaces a record (with-copies) whenever it
    // changes, so the same instance means nothing to write.
    private readonly Dictionary<string, EndpointRecord> _written = new(StringComparer.Ordinal);

    private string Legacy => Path.Combine(directory, "endpoints.json");

    private string Folder => Path.Combine(directory, "endpoints");

    /// <summary>What was saved last (empty on a new node); also reads the single-file layout of earlier versions.</summary>
    public IReadOnlyList<EndpointRecord> Load()
    {
        _written.Clear();
        var records = new List<EndpointRecord>();
        if (File.Exists(Legacy))
        {
            records.AddRange(JsonSerializer.Deserialize<List<EndpointRecord>>(File.ReadAllText(Legacy), Json) ?? []);
        }
        else if (Directory.Exists(Folder))
        {
            foreach (var temp in Directory.EnumerateFiles(Folder, "*.tmp"))
            {
                File.Delete(temp); // a save the daemon died in: the previous file stands
            }

            foreach (var file in Directory.EnumerateFiles(Folder, "*.json"))
            {
                var text = File.ReadAllText(file);
                var record = JsonSerializer.Deserialize<EndpointRecord>(text, Json)
                    ?? throw new InvalidDataException($"{file} holds no endpoint");
                records.Add(record);
                _written[record.Id] = record;
            }
        }

        return records.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Makes the saved state exactly <paramref name="endpoints"/>, writing only what changed.</summary>
    public void Save(IEnumerable<EndpointRecord> endpoints)
    {
        Directory.CreateDirectory(Folder);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in endpoints)
        {
            seen.Add(e.Id);
            if (_written.TryGetValue(e.Id, out var old) && (ReferenceEquals(old, e) || old == e))
            {
                continue;
            }

            var path = PathOf(e.Id);
            File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(e, Json));
            File.Move(path + ".tmp", path, overwrite: true);
            _written[e.Id] = e;
        }

        foreach (var gone in _written.Keys.Where(id => !seen.Contains(id)).ToList())
        {
            File.Delete(PathOf(gone));
            _written.Remove(gone);
        }

        if (File.Exists(Legacy))
        {
            // Every endpoint it held is now a file of its own.
            File.Delete(Legacy);
        }
    }

    private string PathOf(string id) =>
        Path.Combine(Folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..20] + ".json");
}
