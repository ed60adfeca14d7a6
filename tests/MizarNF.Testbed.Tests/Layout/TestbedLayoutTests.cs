using System.Net;

namespace MizarNF.Testbed.Tests.Layout;

public sealed class TestbedLayoutTests
{
    private readonly TestbedLayout _layout = new("ab1");

    [Theory]
    [InlineData("10.1.2.0/24", 1, "10.1.2.11")]
    [InlineData("10.1.2.0/24", 16, "10.1.2.26")]
    [InlineData("10.1.0.0/16", 3, "10.1.0.13")]
    public void NodeAddress_Index_HostTenPlusIndex(string cidr, int index, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), TestbedLayout.NodeAddress(IPNetwork.Parse(cidr), index));

    [Fact]
    public void Node_Index_NamesAndPathsFromPrefix()
    {
        var node = _layout.Node(2, IPAddress.Loopback, "02:00:00:00:00:01");

        Assert.Equal("n2", node.Name);
        Assert.Equal("ab1-n2", node.Namespace);
        Assert.Equal("ab1n2", node.BridgePort);
        Assert.Equal("eth0", node.UnderlayInterface);
        Assert.Equal("/run/mizarnf/ab1/n2.sock", node.Socket);
        Assert.Equal("/run/mizarnf/ab1/n2.log", node.Log);
        Assert.Equal("/run/mizarnf/ab1/n2-state", node.StateDirectory);
        Assert.Equal("/sys/fs/bpf/mizarnf/ab1-n2", node.PinRoot);
    }

    [Theory]
    [InlineData("ab1-ul", true)]
    [InlineData("ab1-n1", true)]
    [InlineData("ab1-n16", true)]
    [InlineData("ab1-n", false)]
    [InlineData("ab1-nx", false)]
    [InlineData("ab1-pod", false)]
    [InlineData("ab1-x-ul", false)]
    [InlineData("ab1-n1-ul", false)]
    [InlineData("ab1x-n1", false)]
    [InlineData("ab-n1", false)]
    public void IsOwnNamespaceName_Name_OnlyUnderlayAndNodes(string name, bool expected) =>
        Assert.Equal(expected, _layout.IsOwnNamespaceName(name));

    [Theory]
    [InlineData("pod-a", true)]
    [InlineData("p1", true)]
    [InlineData("ul", false)]
    [InlineData("n3", false)]
    [InlineData("Pod", false)]
    [InlineData("-p", false)]
    [InlineData("", false)]
    public void PodNameError_Name_NullOnlyForUsableNames(string pod, bool usable) =>
        Assert.Equal(usable, TestbedLayout.PodNameError(pod) is null);
}
