using System.Text.Json.Nodes;

namespace MizarNF.ControlPlane.Kubernetes.Tests;

/// <summary>Objects as the API server sends them (JSON), for lists and watch events.</summary>
internal static class Kube
{
    public static JsonObject Vpc(string name, string cidr, string resourceVersion, JsonObject? status = null, params string[] finalizers) =>
        Custom("Vpc", null, name, resourceVersion, new JsonObject { ["cidr"] = cidr, ["dividers"] = 1 }, status, finalizers);

    public static JsonObject Subnet(string name, string vpc, string cidr, string resourceVersion, params string[] finalizers) =>
        Custom("Subnet", null, name, resourceVersion, new JsonObject { ["vpc"] = vpc, ["cidr"] = cidr, ["bouncers"] = 2 }, null, finalizers);

    public static JsonObject Endpoint(string ns, string name, string vpc, string subnet, string node, string resourceVersion, params string[] finalizers) =>
        Custom("Endpoint", ns, name, resourceVersion, new JsonObject { ["vpc"] = vpc, ["subnet"] = subnet, ["node"] = node, ["netns"] = "pod-" + name }, null, finalizers);

    public static JsonObject Node(string name, string address, string mac, string resourceVersion) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = Metadata(null, name, resourceVersion, [], new JsonObject { [MizarAnnotations.Mac] = mac }),
        ["spec"] = new JsonObject { ["podCIDR"] = "10.244.0.0/24" },
        ["status"] = new JsonObject
        {
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = address },
                new JsonObject { ["type"] = "Hostname", ["address"] = name }),
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        },
    };

    public static JsonObject Pod(string ns, string name, string node, string resourceVersion, JsonObject annotations) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = Metadata(ns, name, resourceVersion, [], annotations),
        ["spec"] = new JsonObject
        {
            ["nodeName"] = node,
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "registry.example/app:1" }),
        },
        ["status"] = new JsonObject { ["phase"] = "Running" },
    };

    /// <summary>The object as Kubernetes shows it once a delete was asked for while finalizers remain.</summary>
    public static JsonObject Deleting(JsonObject obj, string resourceVersion)
    {
        var copy = obj.DeepClone().AsObject();
        copy["metadata"]!["deletionTimestamp"] = "2025-01-01T00:00:00Z";
        copy["metadata"]!["deletionGracePeriodSeconds"] = 0;
        copy["metadata"]!["resourceVersion"] = resourceVersion;
        return copy;
    }

    /// <summary>A Lease held by <paramref name="holder"/>, renewed just now.</summary>
    public static JsonObject Lease(string holder, int durationSeconds = 15)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject { ["name"] = "mizarnf-operator", ["namespace"] = "mizarnf-system", ["resourceVersion"] = "50" },
            ["spec"] = new JsonObject
            {
                ["holderIdentity"] = holder, ["leaseDurationSeconds"] = durationSeconds,
                ["acquireTime"] = now, ["renewTime"] = now, ["leaseTransitions"] = 3,
            },
        };
    }

    private static JsonObject Custom(string kind, string? ns, string name, string resourceVersion, JsonObject spec, JsonObject? status, string[] finalizers)
    {
        var obj = new JsonObject
        {
            ["apiVersion"] = "mizarnf.io/v1",
            ["kind"] = kind,
            ["metadata"] = Metadata(ns, name, resourceVersion, finalizers, null),
            ["spec"] = spec,
        };
        if (status is not null)
        {
            obj["status"] = status;
        }

        return obj;
    }

    private static JsonObject Metadata(string? ns, string name, string resourceVersion, string[] finalizers, JsonObject? annotations)
    {
        var metadata = new JsonObject
        {
            ["name"] = name,
            ["uid"] = Guid.NewGuid().ToString(),
            ["resourceVersion"] = resourceVersion,
            ["generation"] = 1,
            ["creationTimestamp"] = "2025-01-01T00:00:00Z",
            ["managedFields"] = new JsonArray(new JsonObject { ["manager"] = "kubectl", ["operation"] = "Update", ["apiVersion"] = "v1" }),
        };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (finalizers.Length > 0)
        {
            metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)JsonValue.Create(f))]);
        }

        if (annotations is not null)
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        return metadata;
    }
}
