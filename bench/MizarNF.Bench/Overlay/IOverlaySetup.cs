namespace MizarNF.Bench.Overlay;

/// <summary>One way of joining two pods on two testbed nodes: MizarNF with a hook choice, kernel VXLAN, or plain routing.</summary>
internal interface IOverlaySetup
{
    /// <summary>The configuration's key in the JSON line ("mizarnf_tc", "vxlan", "routing").</summary>
    string Key { get; }

    /// <summary>Its name in the tables.</summary>
    string Name { get; }

    /// <summary>The setup in words: enough to rebuild it by hand when it fails.</summary>
    string Description { get; }

    /// <summary>True when it sends frames out of a veth by native XDP, which the bridge ports' XDP program must receive.</summary>
    bool NeedsBridgeXdp { get; }

    /// <summary>
    /// Builds a fresh testbed named by <paramref name="prefix"/> and the two pods; on failure, or
    /// when <paramref name="stop"/> fires while the daemons come up, removes what it made.
    /// </summary>
    PodPair Up(string prefix, IProgress<string> progress, CancellationToken stop);
}
