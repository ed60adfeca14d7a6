using k8s.Models;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Mapping;

/// <summary>Annotated Pods to MizarNF Endpoints.</summary>
internal static class PodMapping
{
    /// <summary>
    /// The endpoint of a Pod that has the <see cref="MizarAnnotations.Vpc"/> and
    /// <see cref="MizarAnnotations.Subnet"/> annotations and is scheduled (spec.nodeName), named
    /// "namespace.pod". Null for other Pods: unannotated, unscheduled, on the host network, or
    /// finished (Succeeded or Failed: their network namespace is gone).
    /// </summary>
    public static Objects.Endpoint? ToEndpoint(V1Pod pod, ObjectSource source)
    {
        var annotations = source.Annotations;
        if (!annotations.TryGetValue(MizarAnnotations.Vpc, out var vpc) || !annotations.TryGetValue(MizarAnnotations.Subnet, out var subnet)
            || pod.Spec?.NodeName is not { Length: > 0 } node || pod.Spec.HostNetwork == true
            || pod.Status?.Phase is "Succeeded" or "Failed")
        {
            return null;
        }

        return new Objects.Endpoint
        {
            // The Pod's labels, so that a mizarservice's selector matches Pod endpoints as a Service's matches Pods.
            Metadata = new ObjectMeta
            {
                Name = source.MizarName,
                Namespace = source.Namespace,
                Labels = pod.Metadata.Labels is { Count: > 0 } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : null,
            },
            Spec = new EndpointSpec
            {
                Vpc = vpc,
                Subnet = subnet,
                Node = node,
                Netns = annotations.TryGetValue(MizarAnnotations.Netns, out var netns) && netns.Length > 0 ? netns : MizarAnnotations.PendingNetns,
            },
        };
    }

    /// <summary>
    /// The endpoint as a previous leader left it: the address it wrote in the
    /// <see cref="MizarAnnotations.Ip"/> annotation, kept by the new leader. Null when there is none.
    /// </summary>
    public static Objects.Endpoint? ToSeed(V1Pod pod, ObjectSource source) =>
        ToEndpoint(pod, source) is { } endpoint && source.Annotations.TryGetValue(MizarAnnotations.Ip, out var ip) && System.Net.IPAddress.TryParse(ip, out _)
            ? endpoint with
            {
                Metadata = endpoint.Metadata with { Generation = 1 },
                Status = new EndpointStatus { Ip = ip },
            }
            : null;

    /// <summary>The merge patch recording an endpoint's address on its Pod.</summary>
    public static string IpPatch(string ip) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject
            {
                ["annotations"] = new System.Text.Json.Nodes.JsonObject { [MizarAnnotations.Ip] = ip },
            },
        }.ToJsonString();
}
