using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Resources;

/// <summary>Where the mizarnf.io CRDs are served (deploy/crds/*.yaml).</summary>
internal static class CustomResources
{
    public const string Group = "mizarnf.io";
    public const string Version = "v1";

    /// <summary>The plural (URL) name of a custom resource kind.</summary>
    public static string Plural(ResourceKind kind) => kind switch
    {
        ResourceKind.Vpc => "vpcs",
        ResourceKind.Subnet => "subnets",
        ResourceKind.Endpoint => "endpoints",
        ResourceKind.MizarService => "mizarservices",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a mizarnf.io custom resource"),
    };

    /// <summary>The MizarNF kind a resource's objects become.</summary>
    public static string MizarKind(ResourceKind kind) => kind switch
    {
        ResourceKind.Node => Objects.Node.KindName,
        ResourceKind.Vpc => Vpc.KindName,
        ResourceKind.Subnet => Subnet.KindName,
        ResourceKind.MizarService or ResourceKind.Service or ResourceKind.EndpointSlice => Service.KindName,
        _ => Objects.Endpoint.KindName,
    };

    /// <summary>True for the resources served by the CRDs (they have a status subresource and our finalizer).</summary>
    public static bool IsCustom(ResourceKind kind) => kind is ResourceKind.Vpc or ResourceKind.Subnet or ResourceKind.Endpoint or ResourceKind.MizarService;
}
