namespace MizarNF.TestKit.Packets;

/// <summary>
/// The fields tshark reported for one packet. A field can occur several times (an encapsulated
/// packet has two <c>ip.src</c>: outer first, then inner), so each maps to all its values in order.
/// </summary>
public sealed class TsharkPacket
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> fields;

    /// <summary>Wraps the values of each field.</summary>
    public TsharkPacket(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        this.fields = fields;
    }

    /// <summary>The fields asked for, in any order.</summary>
    public IEnumerable<string> FieldNames => fields.Keys;

    /// <summary>Every value of <paramref name="field"/> in the packet, outermost first; empty if absent.</summary>
    public IReadOnlyList<string> this[string field] => fields.TryGetValue(field, out var values) ? values : [];

    /// <summary>The first (outermost) value of <paramref name="field"/>.</summary>
    /// <exception cref="KeyNotFoundException">tshark did not report the field for this packet.</exception>
    public string First(string field) =>
        this[field] is [var first, ..] ? first : throw new KeyNotFoundException($"tshark reported no '{field}' in this packet.");

    /// <summary>The last (innermost) value of <paramref name="field"/>.</summary>
    /// <exception cref="KeyNotFoundException">tshark did not report the field for this packet.</exception>
    public string Last(string field) =>
        this[field] is [.., var last] ? last : throw new KeyNotFoundException($"tshark reported no '{field}' in this packet.");

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join("; ", fields.Select(f => $"{f.Key}=[{string.Join(", ", f.Value)}]"));
}
