using MizarNF.Cni.Tests.Fixtures;
using MizarNF.NodeApi.V1;

namespace MizarNF.Cni.Tests.Runtime;

/// <summary>
/// A real container runtime through the plugin: podman on two testbed nodes attaches a container
/// on each to the endpoint the control plane parked for it, and the containers ping each other
/// through the XDP/tc pipelines; removing a container detaches its endpoint.
/// </summary>
[Collection(CniNodesCollection.Name)]
public sealed class PodmanTests(CniNodes nodes)
{
    [Fact]
    public void Podman_ContainersOnTwoNodes_PingThroughMizarNFAndDetachOnRemove()
    {
        // containers/image keeps a blob-info cache under /var/lib/containers even with a storage
        // configuration of our own: made by this test, it is removed by it.
        var cacheExisted = Directory.Exists("/var/lib/containers");
        var (ipA, ipB) = (nodes.NextIp(), nodes.NextIp());
        nodes.Park(1, "pm-a", ipA);
        nodes.Park(2, "pm-b", ipB);
        try
        {
            using var n1 = new PodmanHost("n1", nodes.NodeNetns(1), nodes.Node(1).Socket);
            using var n2 = new PodmanHost("n2", nodes.NodeNetns(2), nodes.Node(2).Socket);

            var a = n1.Run("run", "-d", "--name", "pm-a", "--network", "mizarnf", PodmanHost.Image, "/bin/sleep", "600");
            var b = n2.Run("run", "-d", "--name", "pm-b", "--network", "mizarnf", PodmanHost.Image, "/bin/sleep", "600");
            Assert.True(a.Exit == 0, $"podman run on n1: {a.Output}\n{nodes.LogTail(1)}");
            Assert.True(b.Exit == 0, $"podman run on n2: {b.Output}\n{nodes.LogTail(2)}");

            Assert.Contains($"inet {ipA}/24", n1.Run("exec", "pm-a", "ip", "-4", "addr", "show", "dev", "eth0").Output, StringComparison.Ordinal);
            var ab = n1.Run("exec", "pm-a", "ping", "-c", "3", "-W", "2", ipB);
            var ba = n2.Run("exec", "pm-b", "ping", "-c", "3", "-W", "2", ipA);
            Assert.True(ab.Exit == 0, $"pm-a -> pm-b: {ab.Output}");
            Assert.True(ba.Exit == 0, $"pm-b -> pm-a: {ba.Output}");
            var attached = nodes.Client(1).GetEndpoint(new GetEndpointRequest { Id = "pm-a" });
            Assert.Equal("attached", attached.State);
            Assert.StartsWith(attached.ContainerId, n1.Run("inspect", "--format", "{{.Id}}", "pm-a").Output.Trim(), StringComparison.Ordinal);

            var rm = n1.Run("rm", "--force", "--time", "0", "pm-a");
            Assert.True(rm.Exit == 0, rm.Output);
            Assert.Equal("detached", nodes.Client(1).GetEndpoint(new GetEndpointRequest { Id = "pm-a" }).State);
            Assert.DoesNotContain(attached.HostIfname, nodes.Exec(nodes.NodeNetns(1), "ip", "-br", "link").Output, StringComparison.Ordinal);
        }
        finally
        {
            if (!cacheExisted && Directory.Exists("/var/lib/containers"))
            {
                Directory.Delete("/var/lib/containers", recursive: true);
            }
        }
    }
}
