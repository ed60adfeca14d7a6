using MizarNF.Contracts.Control;

namespace MizarNF.Functions.ScaledEndpoint;

/// <summary>The transport protocols a service port may have.</summary>
public static class ServiceProtocols
{
    /// <summary>TCP's IP protocol number.</summary>
    public const byte Tcp = 6;

    /// <summary>UDP's IP protocol number.</summary>
    public const byte Udp = 17;

    /// <summary>"tcp" or "udp" (any case) to its number.</summary>
    public static byte Parse(string? name, string what) => name?.ToLowerInvariant() switch
    {
        "tcp" => Tcp,
        "udp" => Udp,
        _ => throw new ControlValidationException($"{what}: protocol '{name}' is not tcp or udp"),
    };

    /// <summary>The protocol's name.</summary>
    public static string Name(byte proto) => proto switch { Tcp => "tcp", Udp => "udp", _ => proto.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
