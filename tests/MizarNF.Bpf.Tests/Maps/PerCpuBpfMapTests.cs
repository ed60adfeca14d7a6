using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Maps;

public sealed class PerCpuBpfMapTests(BpfProgramsFixture programs) : IClassFixture<BpfProgramsFixture>, IDisposable
{
    private readonly BpfObject _obj = programs.Load("maps");

    public void Dispose() => _obj.Dispose();

    [Fact]
    public void Lookup_FourByteValues_OneValuePerPossibleCpu()
    {
        var counts = _obj.PerCpuMap<uint, uint>("mnf_t_pcpu");

        var values = counts.Lookup(0);

        Assert.True(counts.CpuCount >= Environment.ProcessorCount);
        Assert.Equal(counts.CpuCount, values.Length);
        Assert.All(values, v => Assert.Equal(0u, v));
    }

    [Fact]
    public void Update_DistinctValuePerCpu_RoundTripsThroughStride()
    {
        var counts = _obj.PerCpuMap<uint, uint>("mnf_t_pcpu");
        var values = Enumerable.Range(0, counts.CpuCount).Select(cpu => (uint)(cpu + 1) * 1000 + 7).ToArray();

        counts.Update(1, values);

        Assert.Equal(values, counts.Lookup(1));
        Assert.Equal((uint)values.Sum(v => v), counts.Sum(1u));
    }

    [Fact]
    public void Sum_AfterProgramRuns_CountsEveryRun()
    {
        var counts = _obj.PerCpuMap<uint, uint>("mnf_t_pcpu");

        _obj.Program("mnf_count").TestRun(TestPackets.Udp().Bytes, repeat: 5);

        Assert.Equal(5u, counts.Sum(0u));
    }

    [Fact]
    public void Aggregate_StructValuesInPerCpuHash_CombinesFields()
    {
        var stats = _obj.PerCpuMap<uint, FlowStats>("mnf_t_pcpu_hash");
        var values = Enumerable.Range(0, stats.CpuCount).Select(cpu => new FlowStats(1, (ulong)cpu)).ToArray();

        stats.Update(42, values);

        var total = stats.Aggregate(42, (a, b) => new FlowStats(a.Packets + b.Packets, a.Bytes + b.Bytes));
        Assert.Equal(new FlowStats((ulong)stats.CpuCount, (ulong)values.Sum(v => (long)v.Bytes)), total);
        Assert.Equal([42u], stats.Keys());
        Assert.True(stats.Delete(42));
        Assert.False(stats.TryLookup(42, out _));
    }

    [Fact]
    public void Update_WrongValueCount_ThrowsArgument()
    {
        var counts = _obj.PerCpuMap<uint, uint>("mnf_t_pcpu");

        Assert.Throws<ArgumentException>(() => counts.Update(0, new uint[counts.CpuCount + 1]));
    }

    [Fact]
    public void PerCpuMap_OrdinaryMap_ThrowsInvalidOperation() =>
        Assert.Throws<InvalidOperationException>(() => _obj.PerCpuMap<uint, ulong>("mnf_t_array"));
}
