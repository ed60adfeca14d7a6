namespace MizarNF.Bench.Cni;

/// <summary>
/// One way of attaching pods, measured: its plugin, its configuration, and what it does for pod
/// <c>i</c> before the timed ADD (the control plane's share, for MizarNF's handover). <c>Tag</c>
/// names its pods' namespaces and containers.
/// </summary>
internal sealed record CniSubject(string Name, string Tag, string Plugin, string Conf, Func<int, string?> ArgsFor)
{
    public List<double> Add { get; } = [];

    public List<double> Del { get; } = [];
}
