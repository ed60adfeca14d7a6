namespace MizarNF.ControlPlane.Nodes;

/// <summary>A backend of a <see cref="ServiceEntry"/>: its address, its port and its node's underlay address.</summary>
public sealed record ServiceEntryBackend(string Ip, int Port, string Host);
