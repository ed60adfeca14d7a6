using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Tests;

/// <summary>Builders of objects as a user would write them.</summary>
internal static class Make
{
    public static Node Node(int index) => new()
    {
        Metadata = new ObjectMeta { Name = $"node-{index}" },
        Spec = new NodeSpec { Address = $"192.168.0.{index}", Mac = $"02:00:00:00:00:{index:x2}", Socket = $"/run/mizarnf/node-{index}.sock" },
    };

    public static Vpc Vpc(string name, string cidr = "10.0.0.0/16", int dividers = 1) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new VpcSpec { Cidr = cidr, Dividers = dividers },
    };

    public static Subnet Subnet(string name, string vpc, string cidr, int bouncers = 1) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new SubnetSpec { Vpc = vpc, Cidr = cidr, Bouncers = bouncers },
    };

    public static Endpoint Endpoint(string name, string vpc, string subnet, string node, string? ip = null) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new EndpointSpec { Vpc = vpc, Subnet = subnet, Node = node, Ip = ip, Netns = "pod-" + name },
    };
}
