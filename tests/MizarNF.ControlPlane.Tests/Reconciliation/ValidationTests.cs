using MizarNF.ControlPlane.Allocation;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Tests.Reconciliation;

/// <summary>Invalid objects are refused with a clear message, before any store write or node call.</summary>
public sealed class ValidationTests
{
    [Theory]
    [InlineData("10.0.0.1/16", "Vpc 'bad': spec.cidr: '10.0.0.1/16' is not a CIDR: host bits are set (did you mean 10.0.0.0/16?)")]
    [InlineData("10.0.0.0/33", "Vpc 'bad': spec.cidr: '10.0.0.0/33' is not a CIDR: the prefix length must be 0 to 32")]
    [InlineData("ten/8", "Vpc 'bad': spec.cidr: 'ten/8' is not a CIDR: 'ten' is not an IPv4 address")]
    public async Task ApplyVpc_BadCidr_Refused(string cidr, string message)
    {
        await AssertRefusedAsync(Make.Vpc("bad", cidr), message);
    }

    [Fact]
    public async Task ApplySubnet_OutsideVpc_Refused()
    {
        await AssertRefusedAsync(Make.Subnet("out", "vpc", "10.1.0.0/24"), "Subnet 'out': 10.1.0.0/24 is not inside VPC 'vpc' (10.0.0.0/16)");
    }

    [Fact]
    public async Task ApplySubnet_Overlapping_Refused()
    {
        await AssertRefusedAsync(Make.Subnet("over", "vpc", "10.0.2.0/23"), "Subnet 'over': 10.0.2.0/23 overlaps subnet 'sub' (10.0.0.0/22) of VPC 'vpc'");
    }

    [Fact]
    public async Task ApplySubnet_UnknownVpc_Refused()
    {
        await AssertRefusedAsync(Make.Subnet("lost", "nope", "10.0.8.0/24"), "Subnet 'lost': unknown VPC 'nope'");
    }

    [Fact]
    public async Task ApplySubnet_Slash31_Refused()
    {
        await AssertRefusedAsync(Make.Subnet("tiny", "vpc", "10.0.8.0/31"), "Subnet 'tiny': 10.0.8.0/31 is too small");
    }

    [Fact]
    public async Task ApplySubnet_NineBouncers_Refused()
    {
        await AssertRefusedAsync(Make.Subnet("wide", "vpc", "10.0.8.0/24", bouncers: 9), "Subnet 'wide': spec.bouncers: 9 is outside 1..8");
    }

    [Fact]
    public async Task ApplySubnet_SpecChanged_Refused()
    {
        await AssertRefusedAsync(Make.Subnet("sub", "vpc", "10.0.0.0/22", bouncers: 2), "Subnet 'sub': its spec cannot change");
    }

    [Fact]
    public async Task ApplyVpc_CidrChangedWithSubnets_Refused()
    {
        await AssertRefusedAsync(Make.Vpc("vpc", "10.1.0.0/16"), "Vpc 'vpc': spec.cidr cannot change from 10.0.0.0/16 to 10.1.0.0/16 while it has subnets (sub); delete them first");
    }

    [Fact]
    public async Task ApplyVpc_NoDividersWithSubnets_Refused()
    {
        await AssertRefusedAsync(Make.Vpc("vpc", dividers: 0), "Vpc 'vpc': spec.dividers cannot drop to 0 while it has subnets (sub)");
    }

    [Fact]
    public async Task ApplyVpc_NineDividers_Refused()
    {
        await AssertRefusedAsync(Make.Vpc("vpc", dividers: 9), "Vpc 'vpc': spec.dividers: 9 is outside 0..8");
    }

    [Fact]
    public async Task ApplyEndpoint_ExhaustedSlash29_Refused()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync(cidr: "10.0.0.0/29");
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await cluster.Reconciler.ApplyAsync(Make.Endpoint($"e{i}", "vpc", "sub", "node-1"))).IsReady);
        }

        await AssertRefusedAsync(cluster, Make.Endpoint("e5", "vpc", "sub", "node-1"), "Endpoint 'e5': subnet 10.0.0.0/29 is exhausted: all 5 endpoint addresses are in use");
    }

    [Fact]
    public async Task ApplyVpc_VniRangeExhausted_Refused()
    {
        using var cluster = new TestCluster(new VniAllocator(100, 102));
        await cluster.AddNodesAsync(1);
        var vnis = new List<uint?>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            vnis.Add((await cluster.Reconciler.ApplyAsync(Make.Vpc(name))).Status.Vni);
        }

        Assert.Equal([100u, 101u, 102u], vnis);
        await AssertRefusedAsync(cluster, Make.Vpc("d"), "Vpc 'd': no VNI left: all 3 VNIs of 100..102 are in use");
    }

    [Theory]
    [InlineData("nope", "sub", "node-1", null, "Endpoint 'e': unknown VPC 'nope'")]
    [InlineData("vpc", "nope", "node-1", null, "Endpoint 'e': unknown subnet 'nope'")]
    [InlineData("other", "sub", "node-1", null, "Endpoint 'e': subnet 'sub' belongs to VPC 'vpc', not 'other'")]
    [InlineData("vpc", "sub", "node-9", null, "Endpoint 'e': unknown node 'node-9'")]
    [InlineData("vpc", "sub", "node-1", "10.0.0.1", "Endpoint 'e': 10.0.0.1 is the gateway address of 10.0.0.0/22")]
    [InlineData("vpc", "sub", "node-1", "10.0.0.2", "Endpoint 'e': 10.0.0.2 is already used by endpoint 'first'")]
    [InlineData("vpc", "sub", "node-1", "10.0.9.9", "Endpoint 'e': 10.0.9.9 is outside the subnet 10.0.0.0/22")]
    [InlineData("vpc", "sub", "node-1", "10.0.0", "Endpoint 'e': spec.ip: '10.0.0' is not an IPv4 address")]
    public async Task ApplyEndpoint_Invalid_Refused(string vpc, string subnet, string node, string? ip, string message)
    {
        await AssertRefusedAsync(Make.Endpoint("e", vpc, subnet, node, ip), message);
    }

    [Fact]
    public async Task ApplyEndpoint_SpecChanged_RefusedAndKept()
    {
        await AssertRefusedAsync(Make.Endpoint("first", "vpc", "sub", "node-2"), "Endpoint 'first': its spec cannot change (delete and re-create it)");
    }

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task ApplyVpc_BadName_Refused(string name)
    {
        await AssertRefusedAsync(Make.Vpc("x") with { Metadata = new ObjectMeta { Name = name } }, "Vpc");
    }

    [Fact]
    public async Task ApplyNode_DuplicateAddress_Refused()
    {
        var twin = Make.Node(1) with { Metadata = new ObjectMeta { Name = "twin" } };

        await AssertRefusedAsync(twin, "Node 'twin': address 192.168.0.1 is already node 'node-1's");
    }

    [Fact]
    public async Task ApplyNode_MulticastMac_Refused()
    {
        var node = Make.Node(7) with { Spec = Make.Node(7).Spec with { Mac = "01:00:5e:00:00:01" } };

        await AssertRefusedAsync(node, "Node 'node-7': spec.mac: 01:00:5e:00:00:01 is a multicast address");
    }

    /// <summary>In a cluster with VPCs "vpc" and "other", subnet "sub" and endpoint "first" (10.0.0.2) on node-1.</summary>
    private static async Task AssertRefusedAsync(MizarObject obj, string message)
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync();
        await cluster.Reconciler.ApplyAsync(Make.Vpc("other", "10.0.0.0/16"));
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("first", "vpc", "sub", "node-1"));
        await AssertRefusedAsync(cluster, obj, message);
    }

    private static async Task AssertRefusedAsync(TestCluster cluster, MizarObject obj, string message)
    {
        var before = cluster.Snapshot();
        cluster.Nodes.ResetCalls();

        var e = await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.ApplyAsync(obj));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, cluster.Snapshot());
        Assert.Equal(0, cluster.Nodes.TotalCalls);
    }
}
