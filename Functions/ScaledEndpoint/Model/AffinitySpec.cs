namespace MizarNF.Functions.ScaledEndpoint.Model;

/// <summary>Session affinity: with <paramref name="ClientIp"/>, a client address keeps its backend for <paramref name="TimeoutSeconds"/>.</summary>
/// <param name="ClientIp">ClientIP affinity on.</param>
/// <param name="TimeoutSeconds">1–86400 (Kubernetes' default is 10800).</param>
public sealed record AffinitySpec(bool ClientIp, int TimeoutSeconds = 10800);
