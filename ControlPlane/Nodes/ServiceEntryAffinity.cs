namespace MizarNF.ControlPlane.Nodes;

/// <summary>The affinity of a <see cref="ServiceEntry"/>: a client address's flows keep their backend for the timeout.</summary>
public sealed record ServiceEntryAffinity(bool ClientIp, int TimeoutSeconds);
