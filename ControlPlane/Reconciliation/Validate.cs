using System.Net;
using System.Net.Sockets;
using MizarNF.Contracts.Net;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>Field checks that refuse with a <see cref="ControlPlaneValidationException"/> naming the object and field.</summary>
internal static class Validate
{
    public static Ipv4Prefix Cidr(string? text, string what) =>
        Ipv4Prefix.TryParse(text, out var prefix, out var error) ? prefix : throw new ControlPlaneValidationException($"{what}: {error}");

    public static IPAddress Ipv4(string? text, string what) =>
        IPAddress.TryParse(text, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork && text!.Count(c => c == '.') == 3
            ? ip
            : throw new ControlPlaneValidationException($"{what}: '{text}' is not an IPv4 address");

    public static MacAddress UnicastMac(string? text, string what)
    {
        MacAddress mac;
        try
        {
            mac = MacAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ControlPlaneValidationException($"{what}: {e.Message}", e);
        }

        return (mac.Value >> 40 & 1) == 0 ? mac : throw new ControlPlaneValidationException($"{what}: {mac} is a multicast address");
    }

    public static int Count(int value, int min, int max, string what) =>
        value >= min && value <= max ? value : throw new ControlPlaneValidationException($"{what}: {value} is outside {min}..{max}");

    public static string NotEmpty(string? text, string what) =>
        !string.IsNullOrWhiteSpace(text) ? text : throw new ControlPlaneValidationException($"{what} is required");

    /// <summary>Refuses a spec change when the kind's spec may not change (<paramref name="why"/> says when).</summary>
    public static void Unchanged(Objects.MizarObject desired, Objects.MizarObject? existing, string why)
    {
        if (existing is not null && !existing.SpecEquals(desired))
        {
            throw new ControlPlaneValidationException($"{Describe(desired)}: its spec cannot change {why}");
        }
    }

    public static string Describe(Objects.MizarObject obj) => $"{obj.Kind} '{obj.Name}'";

    public static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return string.Join(", ", all.Take(5)) + (all.Count > 5 ? $" and {all.Count - 5} more" : string.Empty);
    }
}
