namespace MizarNF.ControlPlane.Objects;

/// <summary>A ready backend of a service.</summary>
/// <param name="Endpoint">The Endpoint object's name.</param>
/// <param name="Ip">Its address.</param>
/// <param name="Host">The underlay address of its node.</param>
public sealed record ServiceBackend(string Endpoint, string Ip, string Host);
