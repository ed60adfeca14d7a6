using System.Net;
using System.Text.Json;
using MizarNF.Cni.Spec;

namespace MizarNF.Cni.Invocation;

/// <summary>
/// The plugin's network configuration from stdin: the spec's keys (cniVersion, name, prevResult,
/// runtimeConfig, GC's valid attachments) and MizarNF's own (socket, timeoutSeconds,
/// waitForEndpointSeconds, endpoint). The raw document stays for prevResult to pass through.
/// </summary>
public sealed record NetConf(
    string CniVersion,
    string Name,
    string Socket,
    TimeSpan Timeout,
    TimeSpan WaitForEndpoint,
    StaticEndpoint? Endpoint,
    JsonElement? PrevResult,
    JsonElement? RuntimeConfig,
    JsonElement? ValidAttachments)
{
    /// <summary>The node daemon's socket when the configuration names none.</summary>
    public const string DefaultSocket = "/run/mizarnf/node.sock";

    /// <summary>Parses stdin: not JSON is error 6, a bad value error 7, a field MizarNF does not do error 2.</summary>
    public static NetConf Parse(byte[] stdin, string command)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(stdin);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CniException(CniErrorCode.DecodingFailure, "the network configuration on stdin is not JSON", e.Message);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CniException(CniErrorCode.DecodingFailure, "the network configuration on stdin is not a JSON object");
        }

        var version = Text(root, "cniVersion") ?? "0.1.0";
        if (command == "VERSION")
        {
            return new NetConf(version, string.Empty, DefaultSocket, TimeSpan.Zero, TimeSpan.Zero, null, null, null, null);
        }

        CniVersions.Require(version, command);
        var name = Text(root, "name");
        if (string.IsNullOrEmpty(name))
        {
            throw new CniException(CniErrorCode.InvalidNetworkConfig, "the network configuration has no name");
        }

        if (root.TryGetProperty("ipam", out var ipam) && ipam.ValueKind != JsonValueKind.Null)
        {
            throw new CniException(CniErrorCode.UnsupportedField, "ipam is not supported: the MizarNF control plane assigns addresses (or the 'endpoint' section and CNI_ARGS IP= do)");
        }

        var socket = Text(root, "socket") ?? DefaultSocket;
        if (!socket.StartsWith('/'))
        {
            throw new CniException(CniErrorCode.InvalidNetworkConfig, $"socket '{socket}' is not an absolute path");
        }

        return new NetConf(version, name, socket,
            Seconds(root, "timeoutSeconds", 10, 0.1, 300),
            Seconds(root, "waitForEndpointSeconds", 0, 0, 300),
            root.TryGetProperty("endpoint", out var ep) && ep.ValueKind != JsonValueKind.Null ? StaticEndpoint.Parse(ep) : null,
            Element(root, "prevResult"),
            Element(root, "runtimeConfig"),
            Element(root, "cni.dev/valid-attachments"));
    }

    /// <summary>The address a runtime asked for: CNI_ARGS IP=, else the "ips" capability in runtimeConfig, else null.</summary>
    public IPAddress? RequestedIp(IReadOnlyDictionary<string, string> args)
    {
        var text = args.TryGetValue("IP", out var ip) ? ip
            : RuntimeConfig is { } rc && rc.TryGetProperty("ips", out var ips) && ips.ValueKind == JsonValueKind.Array && ips.GetArrayLength() > 0 ? ips[0].GetString()
            : null;
        if (text is null)
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return IPAddress.TryParse(slash < 0 ? text : text[..slash], out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? a
            : throw new CniException(CniErrorCode.InvalidNetworkConfig, $"requested address '{text}' is not IPv4");
    }

    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new CniException(CniErrorCode.InvalidNetworkConfig, $"'{name}' must be a string");
    }

    private static JsonElement? Element(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static TimeSpan Seconds(JsonElement root, string name, double fallback, double min, double max)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var s) && s >= min && s <= max
            ? TimeSpan.FromSeconds(s)
            : throw new CniException(CniErrorCode.InvalidNetworkConfig, $"'{name}' must be a number of seconds from {min} to {max}");
    }
}
