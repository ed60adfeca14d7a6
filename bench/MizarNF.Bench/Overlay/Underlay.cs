namespace MizarNF.Bench.Overlay;

/// <summary>
/// What the two nodes' underlay bridge ports run. The testbed attaches a frags-aware XDP pass
/// program to every port, which native-mode XDP on a node's eth0 needs (frames it sends by XDP_TX or
/// XDP_REDIRECT reach the port only then). On kernel 6.18 that program also turns the node eth0's
/// TSO off ("tx-tcp-segmentation: off [fixed]"), so every GSO packet leaving a node, tunnelled or
/// not, is segmented in software there, whatever the overlay: that caps all configurations alike and
/// hides the overlay's own cost. Hence the second underlay, the same testbed with the program
/// detached from the ports after Up, where native XDP cannot run.
/// </summary>
/// <param name="Key">Its key in the JSON line.</param>
/// <param name="Name">Its name in the tables.</param>
/// <param name="BridgeXdp">True when the ports keep the testbed's pass program.</param>
internal sealed record Underlay(string Key, string Name, bool BridgeXdp)
{
    /// <summary>The testbed as it builds itself.</summary>
    public static readonly Underlay AsBuilt = new("bridge_xdp", "bridge XDP", true);

    /// <summary>The pass program detached from the bridge ports: node eth0 keeps TSO.</summary>
    public static readonly Underlay NoBridgeXdp = new("no_bridge_xdp", "no bridge XDP", false);

    public string Description => BridgeXdp
        ? "the testbed as built: xdp.frags pass program on each bridge port (node eth0: TSO off [fixed])"
        : "pass program detached from the bridge ports after Up (node eth0: TSO on); no native XDP";

    /// <summary>Whether <paramref name="setup"/> can pass traffic on this underlay.</summary>
    public bool Carries(IOverlaySetup setup) => BridgeXdp || !setup.NeedsBridgeXdp;
}
