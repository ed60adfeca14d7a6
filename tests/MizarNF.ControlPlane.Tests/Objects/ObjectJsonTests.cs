using System.Text.Json.Nodes;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Tests.Objects;

public sealed class ObjectJsonTests
{
    [Fact]
    public void Serialize_Vpc_KubernetesLayout()
    {
        var vpc = Make.Vpc("blue") with { Status = new VpcStatus { Vni = 7, Dividers = ["node-1"] } };

        var json = JsonNode.Parse(ObjectJson.Serialize(vpc))!.AsObject();

        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], json.Select(p => p.Key));
        Assert.Equal("mizarnf.io/v1", (string?)json["apiVersion"]);
        Assert.Equal("Vpc", (string?)json["kind"]);
        Assert.Equal("blue", (string?)json["metadata"]!["name"]);
        Assert.Equal("10.0.0.0/16", (string?)json["spec"]!["cidr"]);
        Assert.Equal(7u, (uint?)json["status"]!["vni"]);
    }

    [Fact]
    public void Deserialize_EveryKind_RoundTrips()
    {
        var now = DateTimeOffset.Parse("2025-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture);
        MizarObject[] objects =
        [
            Make.Node(1),
            Make.Vpc("v", dividers: 2) with { Metadata = new ObjectMeta { Name = "v", Uid = "u", Generation = 3, CreationTimestamp = now, Labels = new Dictionary<string, string> { ["team"] = "a" } } },
            Make.Subnet("s", "v", "10.0.1.0/24", 2) with { Status = new SubnetStatus { Gateway = "10.0.1.1", Bouncers = ["node-1"], Conditions = [new Condition("Ready", "True", "Programmed", "ok", now)] } },
            Make.Endpoint("e", "v", "s", "node-1", "10.0.1.9") with { Status = new EndpointStatus { Ip = "10.0.1.9", ProvisionedIn = 1.5 } },
        ];

        foreach (var obj in objects)
        {
            var back = ObjectJson.Deserialize(ObjectJson.Serialize(obj));

            Assert.Equal(obj.GetType(), back.GetType());
            Assert.True(back.SpecEquals(obj));
            Assert.Equal(ObjectJson.Serialize(obj), ObjectJson.Serialize(back));
        }
    }

    [Fact]
    public void Deserialize_CountsOmitted_DefaultToOne()
    {
        var vpc = ObjectJson.Deserialize<Vpc>("""{"apiVersion":"mizarnf.io/v1","kind":"Vpc","metadata":{"name":"v"},"spec":{"cidr":"10.0.0.0/8"}}""");
        var subnet = ObjectJson.Deserialize<Subnet>("""{"kind":"Subnet","apiVersion":"mizarnf.io/v1","metadata":{"name":"s"},"spec":{"vpc":"v","cidr":"10.0.0.0/24"}}""");

        Assert.Equal(1, vpc.Spec.Dividers);
        Assert.Equal(1, subnet.Spec.Bouncers);
        Assert.Null(vpc.Status.Vni);
    }

    [Theory]
    [InlineData("""{"apiVersion":"mizarnf.io/v1","kind":"Router","metadata":{"name":"r"},"spec":{}}""", "unknown kind 'Router'")]
    [InlineData("""{"apiVersion":"v1","kind":"Vpc","metadata":{"name":"v"},"spec":{"cidr":"10.0.0.0/8"}}""", "apiVersion is 'v1'")]
    [InlineData("""{"apiVersion":"mizarnf.io/v1","kind":"Vpc","metadata":{"name":"v"},"spec":{"cidr":"10.0.0.0/8","divider":2}}""", "divider")]
    [InlineData("""{"apiVersion":"mizarnf.io/v1","kind":"Vpc","metadata":{"name":"v"}}""", "spec")]
    [InlineData("""{"apiVersion":"mizarnf.io/v1","kind":"Vpc","metadata":{"name":"v"},"spec":{"cidr":null}}""", "cidr")]
    [InlineData("[1,2]", "expected a JSON object")]
    public void Deserialize_Invalid_RefusedSayingWhy(string json, string reason)
    {
        var e = Assert.Throws<ControlPlaneValidationException>(() => ObjectJson.Deserialize(json));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
