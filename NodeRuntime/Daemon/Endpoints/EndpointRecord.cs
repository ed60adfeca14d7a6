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
    IReadOnlyList<string> VpcDividers)
{
    /// <summary>True when <paramref name="other"/> asks for the same endpoint (ignoring what the node chose).</summary>
    public bool SameSpec(EndpointRecord other) =>
        Vni == other.Vni && Ip == other.Ip && PrefixLength == other.PrefixLength && Gateway == other.Gateway
        && Mac == other.Mac && Netns == other.Netns && Ifname == other.Ifname
        && SubnetBouncers.SequenceEqual(other.SubnetBouncers) && VpcDividers.SequenceEqual(other.VpcDividers);
}
