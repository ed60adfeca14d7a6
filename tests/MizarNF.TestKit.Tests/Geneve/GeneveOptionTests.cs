using MizarNF.TestKit.Geneve;

namespace MizarNF.TestKit.Tests.Geneve;

public sealed class GeneveOptionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(128)]
    public void Constructor_BadBodyLength_Throws(int length) =>
        Assert.Throws<ArgumentException>(() => new GeneveOption(0x0103, 1, new byte[length]));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(124)]
    public void Constructor_WholeWordsUpTo124_LengthIncludesHeader(int length) =>
        Assert.Equal(4 + length, new GeneveOption(0x0103, 1, new byte[length]).Length);

    [Theory]
    [InlineData(0x01, false)]
    [InlineData(0x7F, false)]
    [InlineData(0x80, true)]
    [InlineData(0x81, true)]
    public void IsCritical_Type_IsHighBit(byte type, bool critical) =>
        Assert.Equal(critical, new GeneveOption(MizarOptions.Class, type, []).IsCritical);

    [Fact]
    public void Constructor_CallerChangesBodyAfterwards_OptionUnchanged()
    {
        var body = new byte[] { 1, 2, 3, 4 };
        var option = new GeneveOption(0x0103, 1, body);

        body[0] = 9;

        Assert.Equal(1, option.Body.Span[0]);
    }

    [Fact]
    public void Equals_SameFieldsAndBytes_True()
    {
        Assert.Equal(new GeneveOption(0x0103, 1, [1, 2, 3, 4]), new GeneveOption(0x0103, 1, [1, 2, 3, 4]));
        Assert.NotEqual(new GeneveOption(0x0103, 1, [1, 2, 3, 4]), new GeneveOption(0x0103, 1, [1, 2, 3, 5]));
    }
}
