using System.Text.Json.Serialization;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>Where an endpoint's pod end is, and who put it there.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EndpointMode>))]
public enum EndpointMode
{
    /// <summary>Made in the netns the control plane named (ProvisionEndpoint with a netns).</summary>
    InNetns,

    /// <summary>Provisioned without a netns: remembered, its address held; a CNI ADD makes its pair in the container.</summary>
    Parked,

    /// <summary>Handed over to a container by a CNI ADD.</summary>
    Attached,

    /// <summary>Its container went (CNI DEL or GC): no interface, not in the maps; the next ADD of the same pod makes it again.</summary>
    Detached,
}
