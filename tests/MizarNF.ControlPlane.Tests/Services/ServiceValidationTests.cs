using MizarNF.ControlPlane.Objects;
using static MizarNF.ControlPlane.Tests.Services.ServiceWorld;
using ServiceObject = MizarNF.ControlPlane.Objects.Service;

namespace MizarNF.ControlPlane.Tests.Services;

/// <summary>Invalid services (and VPCs and subnets that would clash with services) are refused before any write or call.</summary>
public sealed class ServiceValidationTests
{
    public static TheoryData<string, ServiceObject, string> Invalid => new()
    {
        { "bad ClusterIP", Service("s", clusterIp: "10.96.0.300"), "Service 's': spec.clusterIP: '10.96.0.300' is not an IPv4 address" },
        { "IPv6 ClusterIP", Service("s", clusterIp: "fd00::10"), "Service 's': spec.clusterIP: 'fd00::10' is not an IPv4 address" },
        { "outside the service CIDR", Service("s", clusterIp: "10.97.0.1"), "Service 's': spec.clusterIP: 10.97.0.1 is outside the service CIDR 10.96.0.0/24 in VPC 'vpc'" },
        { "network address", Service("s", clusterIp: "10.96.0.0"), "Service 's': spec.clusterIP: 10.96.0.0 is the network address of the service CIDR 10.96.0.0/24" },
        { "inside a subnet", Service("s", clusterIp: "10.0.1.7"), "Service 's': spec.clusterIP 10.0.1.7 is inside subnet 'sub' (10.0.0.0/22) of VPC 'vpc'" },
        { "duplicate ClusterIP", Service("s", clusterIp: "10.96.0.10"), "Service 's': spec.clusterIP: 10.96.0.10 is already the ClusterIP of service 'taken' in VPC 'vpc'" },
        { "unknown VPC", Service("s", vpc: "nope"), "Service 's': unknown VPC 'nope'" },
        { "port 0", Service("s", ports: [Port(0)]), "Service 's': spec.ports[0].port: 0 is outside 1..65535" },
        { "port 65536", Service("s", ports: [Port(80), Port(65536)]), "Service 's': spec.ports[1].port: 65536 is outside 1..65535" },
        { "targetPort 70000", Service("s", ports: [Port(80, 70000)]), "Service 's': spec.ports[0].targetPort: 70000 is outside 1..65535" },
        { "bad protocol", Service("s", ports: [Port(80, protocol: "SCTP")]), "Service 's': spec.ports[0].protocol 'SCTP' is not TCP or UDP" },
        { "lower-case protocol", Service("s", ports: [Port(80, protocol: "tcp")]), "Service 's': spec.ports[0].protocol 'tcp' is not TCP or UDP" },
        { "duplicate port", Service("s", ports: [Port(80, 8080), Port(80, 9090)]), "Service 's': spec.ports[1]: port 80/TCP is listed twice" },
        { "duplicate port name", Service("s", ports: [Port(80, name: "web"), Port(81, name: "web")]), "Service 's': spec.ports[1]: name 'web' is used twice" },
        { "no ports", Service("s") with { Spec = Service("s").Spec with { Ports = [] } }, "Service 's': spec.ports needs 1 to 64 ports, has 0" },
        { "selector and explicit", Service("s") with { Spec = Service("s").Spec with { Endpoints = ["first"] } }, "Service 's': give spec.selector or spec.endpoints, not both" },
        { "neither selector nor explicit", Service("s") with { Spec = Service("s").Spec with { Selector = null } }, "Service 's': needs spec.selector" },
        { "empty selector", Service("s", selector: new Dictionary<string, string>()), "Service 's': spec.selector needs at least one label" },
        { "backend outside the VPC", Service("s", endpoints: ["10.1.0.5"]), "Service 's': spec.endpoints: 10.1.0.5 is outside VPC 'vpc' (10.0.0.0/16)" },
        { "backend of another VPC", Service("s", endpoints: ["stranger"]), "Service 's': spec.endpoints: endpoint 'stranger' belongs to VPC 'other', not 'vpc'" },
        { "backend not a name", Service("s", endpoints: ["Web_1"]), "Service 's': spec.endpoints: Endpoint 'Web_1': not a valid name" },
        { "backend twice", Service("s", endpoints: ["first", "first"]), "Service 's': spec.endpoints lists 'first' twice" },
        { "nine owners", Service("s", owners: 9), "Service 's': spec.owners: 9 is outside 1..8" },
        { "zero owners", Service("s", owners: 0), "Service 's': spec.owners: 0 is outside 1..8" },
        { "bad affinity", Service("s") with { Spec = Service("s").Spec with { SessionAffinity = "Cookie" } }, "Service 's': spec.sessionAffinity 'Cookie' is not None or ClientIP" },
        {
            "affinity timeout 0",
            Service("s") with { Spec = Service("s").Spec with { SessionAffinity = ServiceAffinity.ClientIp, SessionAffinityConfig = new() { ClientIp = new() { TimeoutSeconds = 0 } } } },
            "Service 's': spec.sessionAffinityConfig.clientIP.timeoutSeconds: 0 is outside 1..86400"
        },
        {
            "affinity timeout over a day",
            Service("s") with { Spec = Service("s").Spec with { SessionAffinity = ServiceAffinity.ClientIp, SessionAffinityConfig = new() { ClientIp = new() { TimeoutSeconds = 86401 } } } },
            "Service 's': spec.sessionAffinityConfig.clientIP.timeoutSeconds: 86401 is outside 1..86400"
        },
        { "ClusterIP changed", Service("taken", clusterIp: "10.96.0.11"), "Service 'taken': spec.clusterIP cannot change from 10.96.0.10 to 10.96.0.11" },
        { "VPC changed", Service("taken", vpc: "other", clusterIp: "10.96.0.10"), "Service 'taken': spec.vpc cannot change from 'vpc' to 'other'" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task ApplyService_Invalid_RefusedNothingDisturbed(string why, ServiceObject service, string message)
    {
        _ = why;
        await AssertRefusedAsync(service, message);
    }

    [Fact]
    public async Task ApplyService_NoServiceCidrNoClusterIp_Refused()
    {
        using var cluster = await WorldAsync();
        await cluster.Reconciler.ApplyAsync(Make.Vpc("bare", "10.5.0.0/16"));

        await AssertRefusedAsync(cluster, Service("s", vpc: "bare"), "Service 's': VPC 'bare' has no spec.serviceCidr to allocate a ClusterIP from; give spec.clusterIP");
    }

    [Fact]
    public async Task ApplyService_ServiceCidrExhausted_Refused()
    {
        using var cluster = await WorldAsync();
        await cluster.Reconciler.ApplyAsync(Make.Vpc("small", "10.5.0.0/16") with { Spec = new VpcSpec { Cidr = "10.5.0.0/16", ServiceCidr = "10.97.0.0/30" } });
        await cluster.Reconciler.ApplyAsync(Service("s1", vpc: "small"));
        await cluster.Reconciler.ApplyAsync(Service("s2", vpc: "small"));

        await AssertRefusedAsync(cluster, Service("s3", vpc: "small"), "Service 's3': spec.clusterIP: service CIDR 10.97.0.0/30 is exhausted: all 2 ClusterIPs are in use");
    }

    [Theory]
    [InlineData("10.0.2.0/24", "Vpc 'vpc': spec.serviceCidr 10.0.2.0/24 overlaps subnet 'sub' (10.0.0.0/22)")]
    [InlineData("10.96.0.0/25", "Vpc 'vpc': spec.serviceCidr cannot change from 10.96.0.0/24 to 10.96.0.0/25 while it has services (taken); delete them first")]
    [InlineData("10.96.0.1/24", "Vpc 'vpc': spec.serviceCidr: '10.96.0.1/24' is not a CIDR")]
    public async Task ApplyVpc_BadServiceCidr_Refused(string serviceCidr, string message)
    {
        await AssertRefusedAsync(Make.Vpc("vpc") with { Spec = new VpcSpec { Cidr = "10.0.0.0/16", ServiceCidr = serviceCidr } }, message);
    }

    [Fact]
    public async Task ApplySubnet_OverlapsServiceCidr_Refused()
    {
        using var cluster = await WorldAsync();
        await cluster.Reconciler.ApplyAsync(Make.Vpc("wide", "10.0.0.0/8") with { Spec = new VpcSpec { Cidr = "10.0.0.0/8", ServiceCidr = ServiceCidr } });

        await AssertRefusedAsync(cluster, Make.Subnet("clash", "wide", "10.96.0.0/20"), "Subnet 'clash': 10.96.0.0/20 overlaps the serviceCidr 10.96.0.0/24 of VPC 'wide'");
    }

    [Fact]
    public async Task DeleteVpc_WithServices_Refused()
    {
        using var cluster = await WorldAsync();
        await cluster.Reconciler.ApplyAsync(Make.Vpc("lonely", "10.5.0.0/16") with { Spec = new VpcSpec { Cidr = "10.5.0.0/16", ServiceCidr = "10.97.0.0/24" } });
        await cluster.Reconciler.ApplyAsync(Service("s", vpc: "lonely"));
        var before = cluster.Snapshot();

        var e = await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.DeleteAsync(Vpc.KindName, "lonely"));

        Assert.Equal("Vpc 'lonely' cannot be deleted: it still has services (s)", e.Message);
        Assert.Equal(before, cluster.Snapshot());
    }

    [Fact]
    public async Task Deserialize_ServiceYamlShape_RoundTrips()
    {
        const string json = """
            {"apiVersion":"mizarnf.io/v1","kind":"Service","metadata":{"name":"web"},
             "spec":{"vpc":"vpc","clusterIP":"10.96.0.10","ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP"}],
                     "selector":{"app":"web"},"owners":2,"sessionAffinity":"ClientIP","sessionAffinityConfig":{"clientIP":{"timeoutSeconds":600}}}}
            """;

        var service = ObjectJson.Deserialize<ServiceObject>(json);

        Assert.Equal("10.96.0.10", service.Spec.ClusterIp);
        Assert.Equal(600, service.Spec.SessionAffinityConfig!.ClientIp!.TimeoutSeconds);
        Assert.Equal(service.Spec, ObjectJson.Deserialize<ServiceObject>(ObjectJson.Serialize(service)).Spec);
        Assert.Contains("\"clusterIP\": \"10.96.0.10\"", ObjectJson.Serialize(service), StringComparison.Ordinal);
    }

    /// <summary>The cluster of <see cref="ServiceWorld.ClusterAsync"/>, a VPC "other" with an endpoint "stranger", an endpoint "first" and a service "taken" (10.96.0.10).</summary>
    private static async Task<TestCluster> WorldAsync()
    {
        var cluster = await ClusterAsync(nodes: 3);
        await cluster.Reconciler.ApplyAsync(Make.Vpc("other", "10.1.0.0/16"));
        await cluster.Reconciler.ApplyAsync(Make.Subnet("other-a", "other", "10.1.0.0/24"));
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("stranger", "other", "other-a", "node-1"));
        await cluster.Reconciler.ApplyAsync(Labelled("first", "node-2"));
        await cluster.Reconciler.ApplyAsync(Service("taken", clusterIp: "10.96.0.10"));
        return cluster;
    }

    private static async Task AssertRefusedAsync(MizarObject obj, string message)
    {
        using var cluster = await WorldAsync();
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
