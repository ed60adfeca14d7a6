using MizarNF.Functions.ScaledEndpoint.Maglev;

namespace MizarNF.Functions.Tests.ScaledEndpoint;

public sealed class MaglevTableTests
{
    private static List<string> Names(int n) => Enumerable.Range(0, n).Select(i => $"10.1.{i / 250}.{(i % 250) + 1}:8080").ToList();

    [Theory]
    [InlineData(1, 251)]
    [InlineData(2, 251)]
    [InlineData(3, 509)]
    [InlineData(10, 1021)]
    [InlineData(100, 16381)]
    [InlineData(655, 65521)]
    public void SizeFor_Backends_SmallestPrimeOfAHundredSlotsEach(int backends, int size) =>
        Assert.Equal(size, MaglevTable.SizeFor(backends));

    [Fact]
    public void SizeFor_TooManyBackends_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MaglevTable.SizeFor(MaglevTable.MaxBackends + 1));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(50)]
    public void Build_EveryBackendGetsItsShareOfSlots(int n)
    {
        var m = MaglevTable.SizeFor(n);

        var table = MaglevTable.Build(Names(n), m);

        var counts = table.GroupBy(i => i).Select(g => g.Count()).ToList();
        Assert.Equal(n, counts.Count);
        Assert.True(counts.Max() - counts.Min() <= 1, $"slots per backend from {counts.Min()} to {counts.Max()}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(40)]
    public void Build_OneOfNRemoved_MovesAboutOneNthOfTheSlots(int n)
    {
        var names = Names(n);
        var m = MaglevTable.SizeFor(n); // same size after the removal: the control handler sizes by the larger set only when needed
        var before = MaglevTable.Build(names, m).Select(i => names[i]).ToArray();
        var kept = names.Where((_, i) => i != n / 2).ToList();

        var after = MaglevTable.Build(kept, m).Select(i => kept[i]).ToArray();

        var moved = Enumerable.Range(0, m).Count(s => before[s] != after[s]);
        var movedFromKept = Enumerable.Range(0, m).Count(s => before[s] != names[n / 2] && before[s] != after[s]);
        Assert.InRange(moved / (double)m, 0.9 / n, 2.0 / n); // Maglev trades a little disruption for balance
        Assert.True(movedFromKept <= m / n, $"{movedFromKept} of {m} slots of kept backends moved");
    }

    [Fact]
    public void Build_SameNames_SameTable() =>
        Assert.Equal(MaglevTable.Build(Names(9), 1021), MaglevTable.Build(Names(9), 1021));
}
