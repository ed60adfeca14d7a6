using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Maps;

public sealed class BpfMapTests(BpfProgramsFixture programs) : IClassFixture<BpfProgramsFixture>, IDisposable
{
    private const int EEXIST = 17;
    private const int ENOENT = 2;

    private readonly BpfObject _obj = programs.Load("maps");

    public void Dispose() => _obj.Dispose();

    private BpfMap<FlowKey, FlowStats> Flows => _obj.Map<FlowKey, FlowStats>("mnf_t_flows");

    [Fact]
    public void Update_ThenLookup_ReturnsValue()
    {
        var key = new FlowKey(0x0a000001, 443, 6, 0);

        Flows.Update(key, new FlowStats(3, 180));

        Assert.Equal(new FlowStats(3, 180), Flows.Lookup(key));
        Assert.True(Flows.TryLookup(key, out var value));
        Assert.Equal(180ul, value.Bytes);
    }

    [Fact]
    public void Lookup_AbsentKey_ThrowsKeyNotFound()
    {
        Assert.False(Flows.TryLookup(new FlowKey(1, 1, 1, 0), out var value));
        Assert.Equal(default, value);
        Assert.Throws<KeyNotFoundException>(() => Flows.Lookup(new FlowKey(1, 1, 1, 0)));
    }

    [Fact]
    public void Update_NoExistOnExistingKey_ThrowsEexist()
    {
        var key = new FlowKey(7, 7, 17, 0);
        Flows.Update(key, new FlowStats(1, 1), MapUpdateFlags.NoExist);

        var e = Assert.Throws<BpfException>(() => Flows.Update(key, new FlowStats(2, 2), MapUpdateFlags.NoExist));

        Assert.Equal(EEXIST, e.Errno);
        Assert.Equal("bpf_map_update_elem", e.Operation);
        Assert.Equal("mnf_t_flows", e.ObjectName);
        Assert.Equal(new FlowStats(1, 1), Flows.Lookup(key));
    }

    [Fact]
    public void Update_ExistOnAbsentKey_ThrowsEnoent()
    {
        var e = Assert.Throws<BpfException>(() => Flows.Update(new FlowKey(9, 9, 9, 0), default, MapUpdateFlags.Exist));

        Assert.Equal(ENOENT, e.Errno);
    }

    [Fact]
    public void Delete_PresentThenAbsent_ReturnsTrueThenFalse()
    {
        var key = new FlowKey(5, 5, 6, 0);
        Flows.Update(key, new FlowStats(1, 2));

        Assert.True(Flows.Delete(key));
        Assert.False(Flows.Delete(key));
        Assert.False(Flows.TryLookup(key, out _));
    }

    [Fact]
    public void KeysAndEntries_SeveralEntries_ReturnsAll()
    {
        var expected = Enumerable.Range(1, 10).ToDictionary(i => new FlowKey((uint)i, 80, 6, 0), i => new FlowStats((ulong)i, (ulong)i * 100));
        foreach (var (key, value) in expected)
        {
            Flows.Update(key, value);
        }

        Assert.Equal(expected.Keys.ToHashSet(), Flows.Keys().ToHashSet());
        Assert.Equal(expected, Flows.Entries().ToDictionary());
    }

    [Fact]
    public void Batch_UpdateLookupDelete_RoundTrips()
    {
        var keys = Enumerable.Range(1, 40).Select(i => new FlowKey((uint)i, 53, 17, 0)).ToArray();
        var values = keys.Select(k => new FlowStats(k.Addr, k.Addr * 64)).ToArray();

        Assert.Equal(40, Flows.UpdateBatch(keys, values));
        var all = Flows.LookupBatch();
        Assert.Equal(keys.Zip(values).ToDictionary(p => p.First, p => p.Second), all.ToDictionary());

        // Two keys that are not in the map: skipped, not fatal.
        FlowKey[] toDelete = [keys[0], new FlowKey(999, 1, 1, 0), keys[1], new FlowKey(998, 1, 1, 0), keys[2]];
        Assert.Equal(3, Flows.DeleteBatch(toDelete));
        Assert.Equal(37, Flows.Keys().Count());
    }

    [Fact]
    public void LookupBatch_MoreEntriesThanOneChunk_ReturnsAll()
    {
        using var big = programs.Open("maps");
        big.MapDefinition("mnf_t_flows").SetMaxEntries(2048);
        big.Load();
        var flows = big.Map<FlowKey, FlowStats>("mnf_t_flows");
        var keys = Enumerable.Range(0, 1500).Select(i => new FlowKey((uint)i, (ushort)i, 17, 0)).ToArray();
        flows.UpdateBatch(keys, keys.Select(k => new FlowStats(k.Addr, 1)).ToArray());

        var all = flows.LookupBatch();

        Assert.Equal(1500, all.Count);
        Assert.Equal(keys.ToHashSet(), all.Select(e => e.Key).ToHashSet());
        Assert.All(all, e => Assert.Equal(e.Key.Addr, e.Value.Packets));
    }

    [Fact]
    public void UpdateBatch_LengthMismatch_ThrowsArgument() =>
        Assert.Throws<ArgumentException>(() => Flows.UpdateBatch(new FlowKey[2], new FlowStats[1]));

    [Fact]
    public void LookupBatch_EmptyMap_ReturnsEmpty() => Assert.Empty(Flows.LookupBatch());

    [Fact]
    public void LookupBatch_ArrayMap_ReturnsEveryIndex()
    {
        var array = _obj.Map<uint, ulong>("mnf_t_array");
        array.Update(3, 33);

        var all = array.LookupBatch();

        Assert.Equal(16, all.Count);
        Assert.Equal(33ul, all.Single(e => e.Key == 3).Value);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => (uint)i), all.Select(e => e.Key).Order());
    }

    [Fact]
    public void Map_WrongValueSize_ThrowsNamingBothSizes()
    {
        var e = Assert.Throws<InvalidOperationException>(() => _obj.Map<FlowKey, uint>("mnf_t_flows"));

        Assert.Contains("8-byte keys and 16-byte values", e.Message, StringComparison.Ordinal);
        Assert.Contains("are 8 and 4 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_PerCpuMap_ThrowsPointingToPerCpuMap()
    {
        var e = Assert.Throws<InvalidOperationException>(() => _obj.Map<uint, uint>("mnf_t_pcpu"));

        Assert.Contains("PerCpuBpfMap", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_BeforeLoad_ThrowsInvalidOperation()
    {
        using var unloaded = programs.Open("maps");

        Assert.Throws<InvalidOperationException>(() => unloaded.Map<uint, ulong>("mnf_t_array"));
    }
}
