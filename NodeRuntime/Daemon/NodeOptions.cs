using MizarNF.Composer.Pipeline;
using MizarNF.Bpf;

namespace MizarNF.NodeRuntime;

/// <summary>How a node daemon runs. Bound from the command line (e.g. <c>--node n1 --underlay eth0</c>).</summary>
public sealed class NodeOptions
{
    /// <summary>The node's name.</summary>
    public string Node { get; set; } = Environment.MachineName;

    /// <summary>The main interface (underlay).</summary>
    public string Underlay { get; set; } = "eth0";

    /// <summary>The Unix socket the API is served on (permissions 0600).</summary>
    public string Socket { get; set; } = "/run/mizarnf/node.sock";

    /// <summary>Optional TCP port for the API (TLS when a certificate is configured through Kestrel's settings).</summary>
    public int? TcpPort { get; set; }

    /// <summary>Where the node's maps are pinned (see bpf-templates/pinning.md).</summary>
    public string? PinRoot { get; set; }

    /// <summary>Where the node keeps what it must remember across restarts (its endpoints).</summary>
    public string? StateDir { get; set; }

    /// <summary>The plugins directory.</summary>
    public string? Plugins { get; set; }

    /// <summary>Hook for the agent on each endpoint's veth: tc (default: keeps segmentation offloads on veths), xdp or xdp-generic.</summary>
    public string AgentHook { get; set; } = "tc";

    /// <summary>Hook for the transit pipeline on the main interface: tc (default on veths), xdp (a physical NIC) or xdp-generic.</summary>
    public string TransitHook { get; set; } = "tc";

    /// <summary>The MAC pods see for every gateway.</summary>
    public string GatewayMac { get; set; } = "02:00:00:00:00:01";

    /// <summary>Max entries of the endpoint tables (ep_local, ep_agent).</summary>
    public uint MaxEndpoints { get; set; } = 4096;

    /// <summary>Max entries of the bouncer's endpoint table.</summary>
    public uint MaxBouncedEndpoints { get; set; } = 65536;

    /// <summary>
    /// Max entries of any plugin's map by name (<c>--map-size NAME=N</c>, repeatable), overriding the
    /// plugin's default; e.g. <c>svc_maglev</c> for many services. Takes effect when the map is made:
    /// a map already pinned keeps its size until the pins are removed.
    /// </summary>
    public Dictionary<string, uint> MapSizes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The pin root, defaulting per node.</summary>
    public string PinRootOrDefault => PinRoot ?? $"/sys/fs/bpf/mizarnf/{Node}";

    /// <summary>The state directory, defaulting per node.</summary>
    public string StateDirOrDefault => StateDir ?? $"/var/lib/mizarnf/{Node}";

    /// <summary>Parses a hook name into the pipeline hook and, for XDP, the attach mode.</summary>
    public static (PipelineHook Hook, XdpMode Mode) ParseHook(string name) => name switch
    {
        "tc" => (PipelineHook.Tc, XdpMode.Native),
        "xdp" => (PipelineHook.XdpFrags, XdpMode.Native),
        "xdp-generic" => (PipelineHook.Xdp, XdpMode.Generic),
        _ => throw new ArgumentException($"unknown hook '{name}' (tc, xdp, xdp-generic)"),
    };

    /// <summary>
    /// Rewrites each <c>--map-size NAME=N</c> into the configuration key <c>--Node:MapSizes:NAME N</c>;
    /// a malformed one is refused here, before anything is loaded.
    /// </summary>
    public static string[] ExpandMapSizes(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--map-size")
            {
                result.Add(args[i]);
                continue;
            }

            var value = i + 1 < args.Length ? args[++i] : string.Empty;
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !uint.TryParse(value.AsSpan(eq + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                throw new ArgumentException($"--map-size takes NAME=ENTRIES with ENTRIES a positive integer, not '{value}'");
            }

            result.Add($"--Node:MapSizes:{value[..eq]}");
            result.Add(size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return [.. result];
    }
}
