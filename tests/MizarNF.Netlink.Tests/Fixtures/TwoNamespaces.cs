namespace MizarNF.Netlink.Tests.Fixtures;

/// <summary>
/// What most tests need: a "host" namespace and a "pod" namespace of their own, with a client in
/// each. Nothing is made in the test process's own namespace. Dispose closes and deletes all.
/// </summary>
public class TwoNamespaces : IDisposable
{
    public TwoNamespaces()
    {
        HostNs = new TestNetns();
        try
        {
            PodNs = new TestNetns();
            Host = RtnetlinkClient.Open(HostNs.Name);
            Pod = RtnetlinkClient.Open(PodNs.Path);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public TestNetns HostNs { get; }

    public TestNetns PodNs { get; } = null!;

    public RtnetlinkClient Host { get; } = null!;

    public RtnetlinkClient Pod { get; } = null!;

    public void Dispose()
    {
        Host?.Dispose();
        Pod?.Dispose();
        PodNs?.Dispose();
        HostNs.Dispose();
        GC.SuppressFinalize(this);
    }
}
