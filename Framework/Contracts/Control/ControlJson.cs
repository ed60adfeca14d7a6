using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MizarNF.Contracts.Net;

namespace MizarNF.Contracts.Control;

/// <summary>Reading and checking the JSON documents of control requests.</summary>
public static class ControlJson
{
    /// <summary>camelCase, as the node API documents them.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Parses a JSON array of <typeparamref name="T"/>; throws <see cref="ControlValidationException"/> saying why not.</summary>
    public static IReadOnlyList<T> ParseArray<T>(string json, string kind)
    {
        try
        {
            return JsonSerializer.Deserialize<List<T>>(json, Options) ?? throw new ControlValidationException($"{kind}: expected a JSON array, got null");
        }
        catch (JsonException e)
        {
            throw new ControlValidationException($"{kind}: malformed JSON: {e.Message}", e);
        }
    }

    /// <summary>Serialises state for DescribeState.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>A VNI: 24 bits, not 0.</summary>
    public static uint Vni(uint vni, string what) =>
        vni is > 0 and < (1u << 24) ? vni : throw new ControlValidationException($"{what}: VNI {vni} is outside 1..16777215");

    /// <summary>An IPv4 address.</summary>
    public static IPAddress Ipv4(string? text, string what) =>
        IPAddress.TryParse(text, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork && text!.Count(c => c == '.') == 3
            ? ip
            : throw new ControlValidationException($"{what}: '{text}' is not an IPv4 address");

    /// <summary>A MAC address.</summary>
    public static MacAddress Mac(string? text, string what)
    {
        try
        {
            return MacAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ControlValidationException($"{what}: {e.Message}", e);
        }
    }

    /// <summary>A CIDR.</summary>
    public static Ipv4Prefix Cidr(string? text, string what) =>
        Ipv4Prefix.TryParse(text, out var p, out var error) ? p : throw new ControlValidationException($"{what}: {error}");

    /// <summary>Throws when two objects of a request have the same key.</summary>
    public static void Unique<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, string kind)
    {
        var dup = items.GroupBy(key).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw new ControlValidationException($"{kind}: {dup.Key} appears twice in one request");
        }
    }
}
