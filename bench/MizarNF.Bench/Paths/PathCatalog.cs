using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Contracts.Maps;
using MizarNF.Contracts.Net;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Bench.Paths;

/// <summary>
/// The paths a packet of a flow takes through <see cref="DataPlaneWorld"/>: the agent's two ways
/// out (direct to a learnt host, or to the subnet's bouncer), the bouncer and the divider passing
/// it on, the bouncer answering ARP, and the destination node delivering it.
/// </summary>
internal static class PathCatalog
{
    private static readonly WorldEndpoint A1 = DataPlaneWorld.Endpoint("a1");
    private static readonly WorldEndpoint C1 = DataPlaneWorld.Endpoint("c1");
    private static readonly WorldEndpoint C2 = DataPlaneWorld.Endpoint("c2");
    private static readonly IPAddress Unknown = IPAddress.Parse("10.1.0.99");

    public static IReadOnlyList<DataPlanePath> All() =>
    [
        .. Agent(PipelineHook.Xdp),
        new("bouncer-forward", "Geneve A→B, a1 → c1 UDP", NodeRole.B, AttachPoint.Transit, PipelineHook.Xdp,
            Geneve(NodeRole.A, NodeRole.B, PodUdp(A1, C1.Ip)), PacketVerdict.Tx, DataPlaneWorld.NodeIp(NodeRole.C)),
        new("divider-forward", "Geneve A→D, a1 → c2 UDP", NodeRole.D, AttachPoint.Transit, PipelineHook.Xdp,
            Geneve(NodeRole.A, NodeRole.D, PodUdp(A1, C2.Ip)), PacketVerdict.Tx, DataPlaneWorld.NodeIp(NodeRole.E)),
        new("bouncer-arp-reply", "Geneve A→B, ARP who-has c1 tell a1", NodeRole.B, AttachPoint.Transit, PipelineHook.Xdp,
            Geneve(NodeRole.A, NodeRole.B, PacketBuilder.ArpRequest(A1.Mac, A1.Ip, C1.Ip)), PacketVerdict.Tx, DataPlaneWorld.NodeIp(NodeRole.A)),
        new("endpoint-decap", "Geneve A→C, a1 → c1 UDP (warm: the check run learnt a1)", NodeRole.C, AttachPoint.Transit, PipelineHook.Xdp,
            Geneve(NodeRole.A, NodeRole.C, PodUdp(A1, C1.Ip)), PacketVerdict.Redirect, OuterTo: null),
        .. Agent(PipelineHook.Tc),
    ];

    private static DataPlanePath[] Agent(PipelineHook hook) =>
    [
        new("agent-encap-direct", "a1 → c1 UDP, c1 learnt on C", NodeRole.A, AttachPoint.Agent, hook,
            PodUdp(A1, C1.Ip), PacketVerdict.Redirect, DataPlaneWorld.NodeIp(NodeRole.C), A1.Ifindex, LearnC1OnC),
        new("agent-encap-bouncer", $"a1 → {Unknown} UDP, not learnt", NodeRole.A, AttachPoint.Agent, hook,
            PodUdp(A1, Unknown), PacketVerdict.Redirect, DataPlaneWorld.NodeIp(NodeRole.B), A1.Ifindex),
    ];

    /// <summary>What node A's transit pipeline writes on c1's first reply, written here directly.</summary>
    private static void LearnC1OnC(PipelineHarness agent) =>
        agent.Map<EpKey, LearntHostEntry>("ep_learnt").Update(
            new EpKey(DataPlaneWorld.Vpc1, C1.Ip),
            new LearntHostEntry { Host = Ipv4Prefix.ToNetworkOrder(DataPlaneWorld.NodeIp(NodeRole.C)) });

    /// <summary>A 60-byte UDP frame from a pod to the gateway's MAC, as a pod sends it.</summary>
    private static byte[] PodUdp(WorldEndpoint from, IPAddress to) =>
        PacketBuilder.Udp(from.Mac, DataPlaneWorld.GatewayMac, from.Ip, to, 40000, 5201, new byte[18], ipId: 0x1234);

    /// <summary>A pod's frame as a node's agent wraps it for VPC 100.</summary>
    private static byte[] Geneve(NodeRole from, NodeRole to, byte[] inner) =>
        PacketBuilder.GeneveEncapsulate(
            DataPlaneWorld.NodeMac(from), DataPlaneWorld.NodeMac(to), DataPlaneWorld.NodeIp(from), DataPlaneWorld.NodeIp(to),
            0xC123, new GeneveHeader(DataPlaneWorld.Vpc1), inner);
}
