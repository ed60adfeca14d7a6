namespace MizarNF.NodeRuntime.Tests.Fixtures;

/// <summary>A pod of the test cluster: a namespace with an endpoint provisioned by a node daemon.</summary>
/// <param name="Name">p1, p2, …</param>
/// <param name="Node">The node index (1-based).</param>
/// <param name="Vni">Its VPC.</param>
/// <param name="Ip">Its address.</param>
/// <param name="Gateway">Its subnet's gateway.</param>
/// <param name="Netns">Its network namespace.</param>
public sealed record Pod(string Name, int Node, uint Vni, string Ip, string Gateway, string Netns);
