using System.Text.Json;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>
/// The endpoints a node made, in a JSON file written atomically (write, fsync, rename), so a
/// restarted daemon finds every interface it owns. Maps need no file: they are pinned.
/// </summary>
public sealed class StateStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string FilePath => Path.Combine(directory, "endpoints.json");

    /// <summary>What was saved last (empty on a new node).</summary>
    public IReadOnlyList<EndpointRecord> Load() =>
        File.Exists(FilePath) ? JsonSerializer.Deserialize<List<EndpointRecord>>(File.ReadAllText(FilePath), Json) ?? [] : [];

    /// <summary>Saves the endpoints.</summary>
    public void Save(IEnumerable<EndpointRecord> endpoints)
    {
        Directory.CreateDirectory(directory);
        var temp = FilePath + ".tmp";
        using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(f, endpoints.OrderBy(e => e.Id, StringComparer.Ordinal).ToList(), Json);
            f.Flush(flushToDisk: true);
        }

        File.Move(temp, FilePath, overwrite: true);
    }
}
