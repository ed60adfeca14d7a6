using System.Net;
using MizarNF.Testbed.Tests.Fixtures;

namespace MizarNF.Testbed.Tests;

/// <summary>Testbeds with different prefixes side by side, even on the same underlay network.</summary>
public sealed class TestbedParallelTests : IDisposable
{
    private readonly TestPrefix _a = new();
    private readonly TestPrefix _b = new();

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    [Fact]
    public async Task Up_TwoTestbedsInParallelSameCidr_DoNotInterfere()
    {
        var cidr = IPNetwork.Parse("172.31.77.0/24");
        var upA = Task.Run(() => Testbed.Up(new TestbedOptions { Prefix = _a, Nodes = 2, UnderlayCidr = cidr, NodeCommand = FakeDaemonCommand.Serving }));
        var upB = Task.Run(() => Testbed.Up(new TestbedOptions { Prefix = _b, Nodes = 3, UnderlayCidr = cidr, NodeCommand = FakeDaemonCommand.Serving }));
        using var a = await upA;
        using var b = await upB;

        Assert.True(Underlay.Ping(a, "n1", a.Node("n2").Address));
        Assert.True(Underlay.Ping(b, "n1", b.Node("n3").Address));
        // 172.31.77.13 exists only in b: a's underlay must not reach it.
        Assert.False(Underlay.Ping(a, "n1", b.Node("n3").Address));

        a.Down();

        Assert.Empty(TestPrefix.Leftovers(_a));
        Assert.True(Underlay.Ping(b, "n2", b.Node("n1").Address));
        Assert.All(b.Nodes, n => Assert.True(Directory.Exists($"/proc/{n.Pid}")));
    }
}
