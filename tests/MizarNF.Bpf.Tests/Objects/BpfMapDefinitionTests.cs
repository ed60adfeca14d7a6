using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Objects;

public sealed class BpfMapDefinitionTests(BpfProgramsFixture programs) : IClassFixture<BpfProgramsFixture>
{
    [Fact]
    public void MapDefinition_BeforeLoad_ExposesDeclaration()
    {
        using var obj = programs.Open("maps");

        var flows = obj.MapDefinition("mnf_t_flows");

        Assert.Equal(("mnf_t_flows", BpfMapType.Hash, 8u, 16u, 64u), (flows.Name, flows.Type, flows.KeySize, flows.ValueSize, flows.MaxEntries));
        Assert.Contains(obj.Maps, m => m.Name == "mnf_t_pcpu" && m.Type == BpfMapType.PercpuArray);
    }

    [Fact]
    public void SetMaxEntries_BeforeLoad_SizesTheKernelMap()
    {
        using var obj = programs.Open("maps");
        obj.MapDefinition("mnf_t_flows").SetMaxEntries(1000);

        obj.Load();

        Assert.Equal(1000u, obj.Map<FlowKey, FlowStats>("mnf_t_flows").MaxEntries);
    }

    [Fact]
    public void SetMaxEntries_AfterLoad_ThrowsInvalidOperation()
    {
        using var obj = programs.Load("maps");

        Assert.Throws<InvalidOperationException>(() => obj.MapDefinition("mnf_t_flows").SetMaxEntries(10));
    }

    [Fact]
    public void MapDefinition_UnknownName_ThrowsKeyNotFound()
    {
        using var obj = programs.Open("maps");

        Assert.Throws<KeyNotFoundException>(() => obj.MapDefinition("mnf_nope"));
    }
}
