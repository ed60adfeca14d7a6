using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Tests.Fixtures;

namespace MizarNF.TestKit.Tests.Geneve;

public sealed class GeneveHeaderTests
{
    [Fact]
    public void Constructor_Defaults_DataHeaderForEthernet()
    {
        var header = new GeneveHeader(Net.Vni);

        Assert.Equal(0, header.Version);
        Assert.False(header.ControlFlag);
        Assert.False(header.CriticalFlag);
        Assert.Equal(0x6558, header.ProtocolType);
        Assert.Empty(header.Options);
        Assert.Equal(8, header.Length);
    }

    [Theory]
    [InlineData(0x100_0000u)]
    [InlineData(uint.MaxValue)]
    public void Constructor_VniOver24Bits_Throws(uint vni) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneveHeader(vni));

    [Fact]
    public void Constructor_MaxVni_Accepted() =>
        Assert.Equal(0xFFFFFFu, new GeneveHeader(GeneveHeader.MaxVni).Vni);

    [Fact]
    public void Constructor_CriticalOption_SetsCriticalFlag()
    {
        var header = new GeneveHeader(Net.Vni, [new GeneveOption(0x0103, 0x01, []), new GeneveOption(0x0104, 0x80, [])]);

        Assert.True(header.CriticalFlag);
    }

    [Fact]
    public void Version_Over3_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneveHeader(Net.Vni) { Version = 4 });

    [Fact]
    public void Constructor_OptionsOver252Bytes_Throws()
    {
        var big = new GeneveOption(0x0103, 1, new byte[GeneveOption.MaxBodyLength]);

        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneveHeader(Net.Vni, [big, big, big]));
    }

    [Fact]
    public void OptionsLength_TwoOptions_CountsWordsWithHeaders()
    {
        var header = new GeneveHeader(Net.Vni, [new GeneveOption(0x0103, 1, new byte[8]), new GeneveOption(0x0103, 2, [])]);

        Assert.Equal(4, header.OptionsLength);
        Assert.Equal(8 + 16, header.Length);
    }
}
