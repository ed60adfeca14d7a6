namespace MizarNF.Functions.ScaledEndpoint.Model;

/// <summary>The data path's timeouts and the underlay MTU (kind "config", upsert; a missing value keeps the default).</summary>
/// <param name="IdleTimeoutSeconds">A cached flow unused this long is decided again (default 300).</param>
/// <param name="FinTimeoutSeconds">A flow that saw a FIN ends this long after its last packet (default 10).</param>
/// <param name="Mtu">The underlay MTU (default 1500): a marked packet that would not fit goes unmarked.</param>
public sealed record ConfigSpec(uint? IdleTimeoutSeconds = null, uint? FinTimeoutSeconds = null, uint? Mtu = null);
