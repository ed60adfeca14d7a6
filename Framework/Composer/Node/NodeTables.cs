using System.Net;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Net;

namespace MizarNF.Composer.Node;

/// <summary>
/// The framework's own tables every pipeline of a node reads (mnf_self, mnf_nodes): the node's
/// identity and the nodes it accepts Geneve from and sends it to.
/// </summary>
public sealed class NodeTables(IMapProvider maps)
{
    /// <summary>Writes the node's identity.</summary>
    public unsafe ControlResult SetSelf(NodeIdentity self)
    {
        var e = new SelfEntry { Ip = Ipv4Prefix.ToNetworkOrder(self.Ip), UnderlayIfindex = (uint)self.UnderlayIfindex };
        self.Mac.CopyTo(new Span<byte>(e.Mac, 6));
        self.GatewayMac.CopyTo(new Span<byte>(e.GwMac, 6));
        return MapDiff.Upsert(maps.Map<uint, SelfEntry>("mnf_self"), [new KeyValuePair<uint, SelfEntry>(0, e)]);
    }

    /// <summary>Adds or changes known nodes.</summary>
    public ControlResult UpsertPeers(IEnumerable<(IPAddress Ip, MacAddress Mac)> peers) =>
        MapDiff.Upsert(maps.Map<uint, PeerEntry>("mnf_nodes"), peers.Select(Entry));

    /// <summary>Makes the known nodes exactly <paramref name="peers"/>.</summary>
    public ControlResult ReplacePeers(IEnumerable<(IPAddress Ip, MacAddress Mac)> peers) =>
        MapDiff.Replace(maps.Map<uint, PeerEntry>("mnf_nodes"), peers.Select(Entry).ToDictionary());

    /// <summary>Forgets nodes.</summary>
    public ControlResult RemovePeers(IEnumerable<IPAddress> peers) =>
        MapDiff.Remove(maps.Map<uint, PeerEntry>("mnf_nodes"), peers.Select(Ipv4Prefix.ToNetworkOrder));

    private static unsafe KeyValuePair<uint, PeerEntry> Entry((IPAddress Ip, MacAddress Mac) p)
    {
        var e = default(PeerEntry);
        p.Mac.CopyTo(new Span<byte>(e.Mac, 6));
        return new(Ipv4Prefix.ToNetworkOrder(p.Ip), e);
    }
}
