using System.Text.Json.Serialization;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>An endpoint this node made, as remembered across restarts.</summary>
public sealed record EndpointRecord(
    string Id,
    uint Vni,
    string Ip,
    int PrefixLength,
    string Gateway,
    string Mac,
    string Netns,
    string Ifname,
    string HostIfname,
    int HostIfindex,
    int Mtu,
    IReadOnlyList<string> SubnetBouncers,
    IReadOnlyList<string> VpcDividers,
    EndpointMode Mode = EndpointMode.InNetns,
    string? ContainerId = null)
{
    /// <summary>True when the CNI plugin decides where the pod end goes (provisioned without a netns).</summary>
    [JsonIgnore]
    public bool ForCni => Mode is not EndpointMode.InNetns;

    /// <summary>True when <paramref name="other"/> asks for the same endpoint (ignoring what the node chose, and where a CNI ADD put it).</summary>
    public bool SameSpec(EndpointRecord other) =>
        Vni == other.Vni && Ip == other.Ip && PrefixLength == other.PrefixLength && Gateway == other.Gateway
        && Mac == other.Mac && (ForCni == other.ForCni) && (ForCni || (Netns == other.Netns && Ifname == other.Ifname))
        && SubnetBouncers.SequenceEqual(other.SubnetBouncers) && VpcDividers.SequenceEqual(other.VpcDividers);

    /// <summary>True when the endpoint has a veth pair on this node (parked and detached ones have none).</summary>
    [JsonIgnore]
    public bool HasLink => Mode is EndpointMode.InNetns or EndpointMode.Attached;
}
