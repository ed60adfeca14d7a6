using System.Net;
using System.Net.NetworkInformation;

namespace MizarNF.TestKit.DataPlane;

/// <summary>An endpoint of <see cref="DataPlaneWorld"/>.</summary>
/// <param name="Name">Short name (a1, c1, …).</param>
/// <param name="Vni">Its VPC.</param>
/// <param name="Ip">Its address.</param>
/// <param name="Mac">Its MAC.</param>
/// <param name="Host">The node hosting it.</param>
/// <param name="Ifindex">Its node-side veth's index on that node (1 = lo: test runs need a real device).</param>
/// <param name="Gateway">Its subnet's gateway.</param>
public sealed record WorldEndpoint(string Name, uint Vni, IPAddress Ip, PhysicalAddress Mac, NodeRole Host, int Ifindex, IPAddress Gateway);
