using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Maps;

public sealed class PinnedMapTests(BpfProgramsFixture programs) : IClassFixture<BpfProgramsFixture>, IDisposable
{
    private readonly BpfFsDirectory _bpffs = new();

    public void Dispose() => _bpffs.Dispose();

    [Fact]
    public void OpenPinned_AfterPinAndObjectClosed_SeesSameEntries()
    {
        var path = _bpffs.PathOf("flows");
        using (var obj = programs.Load("maps"))
        {
            var flows = obj.Map<FlowKey, FlowStats>("mnf_t_flows");
            flows.Update(new FlowKey(1, 2, 3, 0), new FlowStats(4, 5));
            flows.Pin(path);
        }

        using var pinned = BpfMap<FlowKey, FlowStats>.OpenPinned(path);

        Assert.Equal("mnf_t_flows", pinned.Name);
        Assert.Equal(BpfMapType.Hash, pinned.Type);
        Assert.Equal(new FlowStats(4, 5), pinned.Lookup(new FlowKey(1, 2, 3, 0)));
        pinned.Update(new FlowKey(6, 7, 8, 0), new FlowStats(9, 10));
        Assert.Equal(2, pinned.Entries().Count());
    }

    [Fact]
    public void OpenPinned_WrongTypes_ThrowsAndClosesFd()
    {
        var path = _bpffs.PathOf("array");
        using (var obj = programs.Load("maps"))
        {
            obj.Map<uint, ulong>("mnf_t_array").Pin(path);
        }

        Assert.Throws<InvalidOperationException>(() => BpfMap<uint, uint>.OpenPinned(path));
        using var right = BpfMap<uint, ulong>.OpenPinned(path);
        Assert.Equal(16u, right.MaxEntries);
    }

    [Fact]
    public void OpenPinned_Disposed_ThrowsObjectDisposed()
    {
        var path = _bpffs.PathOf("array");
        using (var obj = programs.Load("maps"))
        {
            obj.Map<uint, ulong>("mnf_t_array").Pin(path);
        }

        var map = BpfMap<uint, ulong>.OpenPinned(path);
        map.Dispose();

        Assert.Throws<ObjectDisposedException>(() => map.Lookup(0));
    }

    [Fact]
    public void OpenPinned_MissingPath_ThrowsEnoent()
    {
        var e = Assert.Throws<BpfException>(() => BpfMap<uint, ulong>.OpenPinned(_bpffs.PathOf("missing")));

        Assert.Equal(2, e.Errno);
        Assert.Equal("bpf_obj_get", e.Operation);
    }

    [Fact]
    public void Load_PinPathHoldsIncompatibleMap_ThrowsQuotingLibbpf()
    {
        var path = _bpffs.PathOf("clash");
        using (var first = programs.Open("maps"))
        {
            first.MapDefinition("mnf_t_array").SetPinPath(path);
            first.Load();
        }

        using var second = programs.Open("maps");
        second.MapDefinition("mnf_t_flows").SetPinPath(path);
        var e = Assert.Throws<BpfException>(second.Load);

        Assert.Null(e.ProgramName);
        Assert.Null(e.VerifierLog);
        Assert.Contains("couldn't reuse pinned map", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetPinPath_TwoLoads_SecondObjectReusesPinnedMap()
    {
        var path = _bpffs.PathOf("shared_pcpu");
        using var first = programs.Open("maps");
        first.MapDefinition("mnf_t_pcpu").SetPinPath(path);
        first.Load();
        first.Program("mnf_count").TestRun(TestPackets.Udp().Bytes, repeat: 2);

        using var second = programs.Open("maps");
        second.MapDefinition("mnf_t_pcpu").SetPinPath(path);
        second.Load();
        second.Program("mnf_count").TestRun(TestPackets.Udp().Bytes, repeat: 3);

        Assert.True(File.Exists(path));
        Assert.Equal(5u, second.PerCpuMap<uint, uint>("mnf_t_pcpu").Sum(0u));
        using var pinned = PerCpuBpfMap<uint, uint>.OpenPinned(path);
        Assert.Equal(5u, pinned.Sum(0u));
    }
}
