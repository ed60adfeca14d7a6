namespace MizarNF.ControlPlane.Nodes;

/// <summary>The key of a <see cref="ServiceEntry"/>: what a removal names.</summary>
public sealed record ServiceKey(uint Vni, string Ip, int Port, string Protocol);
