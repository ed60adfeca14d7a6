using System.Net;
using MizarNF.Contracts.Net;

namespace MizarNF.Composer.Node;

/// <summary>Who a node is on the underlay, and the gateway MAC its pods see.</summary>
/// <param name="Ip">Underlay IPv4 address.</param>
/// <param name="Mac">The main interface's MAC.</param>
/// <param name="UnderlayIfindex">The main interface's index.</param>
/// <param name="GatewayMac">The MAC answered for every subnet gateway on this node.</param>
public sealed record NodeIdentity(IPAddress Ip, MacAddress Mac, int UnderlayIfindex, MacAddress GatewayMac);
