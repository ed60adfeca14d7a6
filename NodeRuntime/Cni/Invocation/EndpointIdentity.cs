namespace MizarNF.Cni.Invocation;

/// <summary>Which endpoint a container gets, from what the runtime says about it.</summary>
public static class EndpointIdentity
{
    /// <summary>
    /// CNI_ARGS MIZARNF_ENDPOINT when set; else the Kubernetes pod as the control plane names its
    /// endpoint ("namespace.pod"); else K8S_POD_NAME alone (podman passes the container's name
    /// there); else the container id.
    /// </summary>
    public static string Resolve(IReadOnlyDictionary<string, string> args, string containerId)
    {
        if (args.TryGetValue("MIZARNF_ENDPOINT", out var id) && id.Length > 0)
        {
            return id;
        }

        var hasName = args.TryGetValue("K8S_POD_NAME", out var pod) && pod.Length > 0;
        if (hasName && args.TryGetValue("K8S_POD_NAMESPACE", out var ns) && ns.Length > 0)
        {
            return $"{ns}.{pod}";
        }

        return hasName ? pod! : containerId;
    }
}
