using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MizarNF.ControlPlane.Kubernetes.Mapping;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Mapping;

public sealed class NodeMappingTests
{
    [Fact]
    public void ToNode_InternalIpAndMac_NodeWithDefaultSocket()
    {
        var node = NodeMapping.ToNode(Read(Kube.Node("node-1", "192.0.2.1", "02:00:00:00:00:01", "1")), "/run/x.sock", out var missing);

        Assert.Null(missing);
        Assert.Equal("node-1", node!.Name);
        Assert.Equal(new Objects.NodeSpec { Address = "192.0.2.1", Mac = "02:00:00:00:00:01", Socket = "/run/x.sock" }, node.Spec);
    }

    [Fact]
    public void ToNode_SocketAnnotationAndIpv6First_UsesTheAnnotationAndTheIpv4()
    {
        var json = Kube.Node("node-1", "192.0.2.1", "02:00:00:00:00:01", "1");
        json["metadata"]!["annotations"]![MizarAnnotations.Socket] = "/var/run/other.sock";
        json["status"]!["addresses"]!.AsArray().Insert(0, new JsonObject { ["type"] = "InternalIP", ["address"] = "2001:db8::1" });

        var node = NodeMapping.ToNode(Read(json), MizarAnnotations.DefaultSocket, out _);

        Assert.Equal("192.0.2.1", node!.Spec.Address);
        Assert.Equal("/var/run/other.sock", node.Spec.Socket);
    }

    [Fact]
    public void ToNode_NoMacAnnotation_NullSayingWhy()
    {
        var json = Kube.Node("node-1", "192.0.2.1", "02:00:00:00:00:01", "1");
        json["metadata"]!.AsObject().Remove("annotations");

        Assert.Null(NodeMapping.ToNode(Read(json), MizarAnnotations.DefaultSocket, out var missing));
        Assert.Contains(MizarAnnotations.Mac, missing, StringComparison.Ordinal);
    }

    private static V1Node Read(JsonObject json) => KubernetesJson.Deserialize<V1Node>(json.ToJsonString());
}
