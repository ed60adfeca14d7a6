namespace MizarNF.Functions.ScaledEndpoint.Model;

/// <summary>A backend of a service.</summary>
/// <param name="Ip">The backend endpoint's address (in the service's VPC).</param>
/// <param name="Port">Its port (1–65535).</param>
/// <param name="Host">The underlay address of the node that hosts it.</param>
public sealed record BackendSpec(string Ip, int Port, string Host);
