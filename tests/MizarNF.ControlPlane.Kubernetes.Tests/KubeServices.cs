using System.Text.Json.Nodes;

namespace MizarNF.ControlPlane.Kubernetes.Tests;

/// <summary>Core Services and discovery.k8s.io/v1 EndpointSlices as the API server sends them (JSON).</summary>
internal static class KubeServices
{
    /// <summary>A ClusterIP Service with one named TCP port 80 whose targetPort is the container port named "http".</summary>
    public static JsonObject Service(string ns, string name, string clusterIp, string resourceVersion, string? vpc, string type = "ClusterIP", string affinity = "None")
    {
        var spec = new JsonObject
        {
            ["type"] = type,
            ["clusterIP"] = clusterIp,
            ["clusterIPs"] = new JsonArray(clusterIp),
            ["ipFamilies"] = new JsonArray("IPv4"),
            ["ipFamilyPolicy"] = "SingleStack",
            ["internalTrafficPolicy"] = "Cluster",
            ["selector"] = new JsonObject { ["app"] = name },
            ["ports"] = new JsonArray(
                new JsonObject { ["name"] = "http", ["protocol"] = "TCP", ["port"] = 80, ["targetPort"] = "http" },
                new JsonObject { ["name"] = "metrics", ["protocol"] = "TCP", ["port"] = 9100, ["targetPort"] = 9100 },
                new JsonObject { ["name"] = "sctp", ["protocol"] = "SCTP", ["port"] = 7000, ["targetPort"] = 7000 }),
            ["sessionAffinity"] = affinity,
        };
        if (affinity == "ClientIP")
        {
            spec["sessionAffinityConfig"] = new JsonObject { ["clientIP"] = new JsonObject { ["timeoutSeconds"] = 1200 } };
        }

        var annotations = vpc is null ? new JsonObject() : new JsonObject { [MizarAnnotations.Vpc] = vpc };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = Metadata(ns, name, resourceVersion, annotations, null),
            ["spec"] = spec,
            ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() },
        };
    }

    /// <summary>An IPv4 EndpointSlice of Service <paramref name="service"/>, as the EndpointSlice controller writes it.</summary>
    public static JsonObject Slice(string ns, string name, string service, string resourceVersion, params (string Pod, string Ip, string Node, bool? Ready)[] endpoints) => new()
    {
        ["apiVersion"] = "discovery.k8s.io/v1",
        ["kind"] = "EndpointSlice",
        ["metadata"] = Metadata(ns, name, resourceVersion, null, new JsonObject
        {
            ["kubernetes.io/service-name"] = service,
            ["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io",
        }),
        ["addressType"] = "IPv4",
        ["endpoints"] = new JsonArray([.. endpoints.Select(e => (JsonNode)Endpoint(ns, e.Pod, e.Ip, e.Node, e.Ready))]),
        ["ports"] = new JsonArray(
            new JsonObject { ["name"] = "http", ["protocol"] = "TCP", ["port"] = 8080 },
            new JsonObject { ["name"] = "metrics", ["protocol"] = "TCP", ["port"] = 9100 }),
    };

    private static JsonObject Endpoint(string ns, string pod, string ip, string node, bool? ready)
    {
        var conditions = new JsonObject { ["serving"] = ready ?? true, ["terminating"] = false };
        if (ready is { } value)
        {
            conditions["ready"] = value;
        }

        return new JsonObject
        {
            ["addresses"] = new JsonArray(ip),
            ["conditions"] = conditions,
            ["nodeName"] = node,
            ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["namespace"] = ns, ["name"] = pod, ["uid"] = Guid.NewGuid().ToString() },
            ["zone"] = "zone-a",
        };
    }

    private static JsonObject Metadata(string ns, string name, string resourceVersion, JsonObject? annotations, JsonObject? labels)
    {
        var metadata = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["uid"] = Guid.NewGuid().ToString(),
            ["resourceVersion"] = resourceVersion,
            ["creationTimestamp"] = "2025-01-01T00:00:00Z",
        };
        if (annotations is not null)
        {
            metadata["annotations"] = annotations;
        }

        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        return metadata;
    }
}
