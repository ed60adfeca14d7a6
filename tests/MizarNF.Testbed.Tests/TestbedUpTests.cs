using System.Text.Json;
using MizarNF.Bpf;
using MizarNF.Testbed.Tests.Fixtures;

namespace MizarNF.Testbed.Tests;

/// <summary>Up without daemons: the underlay, its XDP pass programs, pod namespaces, Exec, Attach and Down.</summary>
public sealed class TestbedUpTests : IDisposable
{
    private readonly TestPrefix _prefix = new();

    public void Dispose() => _prefix.Dispose();

    [Fact]
    public void Up_ThreeNodesWithoutDaemons_NodesPingEachOtherOverUnderlay()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 3 });

        foreach (var from in testbed.Nodes)
        {
            foreach (var to in testbed.Nodes.Where(n => n != from))
            {
                Assert.True(Underlay.Ping(testbed, from.Namespace, to.Address), $"{from.Name} -> {to.Name} ({to.Address})");
            }
        }
    }

    [Fact]
    public void Up_ThreeNodes_NodesNamedAddressedAndMacsReadFromKernel()
    {
        var cidr = System.Net.IPNetwork.Parse("172.31.200.0/24");
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 3, UnderlayCidr = cidr });

        Assert.Equal(["n1", "n2", "n3"], testbed.Nodes.Select(n => n.Name));
        Assert.Equal(["172.31.200.11", "172.31.200.12", "172.31.200.13"], testbed.Nodes.Select(n => n.Address.ToString()));
        foreach (var node in testbed.Nodes)
        {
            Assert.Equal($"{_prefix}-{node.Name}", node.Namespace);
            Assert.Equal($"/run/mizarnf/{_prefix}/{node.Name}.sock", node.Socket);
            Assert.Equal($"/sys/fs/bpf/mizarnf/{_prefix}-{node.Name}", node.PinRoot);
            Assert.True(Directory.Exists(node.StateDirectory));
            Assert.Null(node.Pid);
            var (exit, stdout, _) = testbed.Exec(node.Name, "ip", "-json", "link", "show", "dev", "eth0");
            Assert.Equal(0, exit);
            using var link = JsonDocument.Parse(stdout);
            Assert.Equal(node.Mac, link.RootElement[0].GetProperty("address").GetString());
        }
    }

    [Fact]
    public void Up_Default_NoXdpOnBridgePorts()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2 });

        var attached = NetworkNamespace.Run(testbed.UnderlayNamespace, () =>
            testbed.Nodes.Select(n => XdpAttachment.Query(NetworkNamespace.InterfaceIndex(n.BridgePort))).ToList());

        Assert.All(attached, q => Assert.Null(q));
    }

    [Fact]
    public void Up_ThreeNodes_XdpPassAttachedNativelyOnEveryBridgePort()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 3, XdpOnBridgePorts = true });

        var attached = NetworkNamespace.Run(testbed.UnderlayNamespace, () =>
            testbed.Nodes.Select(n => XdpAttachment.Query(NetworkNamespace.InterfaceIndex(n.BridgePort))).ToList());

        Assert.All(attached, q => Assert.Equal(XdpAttachedMode.Native, q?.Mode));
        Assert.Single(attached.Select(q => q!.NativeProgramId).Distinct());
    }

    [Fact]
    public void Up_TwoNodes_UnderlayCarriesNoIpv6()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2 });

        Assert.Empty(testbed.Exec("n1", "ip", "-6", "address", "show", "dev", "eth0").Stdout.Trim());
        Assert.Empty(testbed.Exec(testbed.UnderlayNamespace, "ip", "-6", "address", "show").Stdout.Trim());
    }

    [Fact]
    public void Up_Mtu9000_JumboPingCrossesFragsAwareBridgePorts()
    {
        // A program without BPF_F_XDP_HAS_FRAGS could not be attached to a veth whose peer has MTU 9000.
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2, Mtu = 9000, XdpOnBridgePorts = true });

        Assert.True(Underlay.Ping(testbed, "n1", testbed.Node("n2").Address, size: 8900));
    }

    [Fact]
    public void Up_Progress_ReportsUnderlayNodesAndXdp()
    {
        var progress = new ProgressLines();

        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2, XdpOnBridgePorts = true }, progress);

        Assert.Contains(progress.Lines, l => l.StartsWith($"creating underlay {_prefix}-ul", StringComparison.Ordinal));
        Assert.Contains(progress.Lines, l => l.StartsWith("node n2: ", StringComparison.Ordinal));
        Assert.Contains(progress.Lines, l => l.Contains("xdp.frags", StringComparison.Ordinal));
    }

    [Fact]
    public void Down_AfterUp_RemovesNamespacesRunDirectoryAndPinRoots()
    {
        var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 3 });
        var pod = testbed.CreatePodNamespace("pod-a");
        // As a daemon would: a pin root on the host's bpffs.
        Directory.CreateDirectory(testbed.Node("n1").PinRoot);
        Assert.NotEmpty(TestPrefix.Leftovers(_prefix));

        testbed.Down();

        Assert.Empty(TestPrefix.Leftovers(_prefix));
        Assert.DoesNotContain(pod, Underlay.NetnsList());
        testbed.Down();
    }

    [Fact]
    public void Up_PrefixInUse_ThrowsAndLeavesFirstTestbedWorking()
    {
        using var first = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2 });

        var error = Assert.Throws<InvalidOperationException>(() => Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2 }));

        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
        Assert.True(Underlay.Ping(first, "n1", first.Node("n2").Address));
    }

    [Fact]
    public void CreatePodNamespace_Named_PrefixedWithLoopbackUp()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 1 });

        var pod = testbed.CreatePodNamespace("web-1");

        Assert.Equal($"{_prefix}-web-1", pod);
        Assert.Equal(0, testbed.Exec(pod, "ping", "-c1", "-W1", "127.0.0.1").ExitCode);
        Assert.Equal([pod], testbed.PodNamespaces);
    }

    [Theory]
    [InlineData("ul")]
    [InlineData("n2")]
    [InlineData("-x")]
    [InlineData("Pod")]
    public void CreatePodNamespace_ReservedOrInvalidName_Throws(string name)
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 1 });

        Assert.Throws<ArgumentException>(() => testbed.CreatePodNamespace(name));
    }

    [Fact]
    public void Exec_UnknownNamespace_Throws()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 1 });

        Assert.Throws<ArgumentException>(() => testbed.Exec("n9", "true"));
    }

    [Fact]
    public void Attach_RunningTestbed_ReadsNodesAndPodsFromStateFile()
    {
        using var testbed = Testbed.Up(new TestbedOptions { Prefix = _prefix, Nodes = 2 });
        var pod = testbed.CreatePodNamespace("p1");

        var attached = Testbed.Attach(_prefix);

        Assert.Equal(testbed.Nodes, attached.Nodes);
        Assert.Equal([pod], attached.PodNamespaces);
        Assert.Equal(testbed.UnderlayCidr, attached.UnderlayCidr);
        Assert.True(Underlay.Ping(attached, "n2", attached.Node("n1").Address));
    }
}
