namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>A CNI ADD as the daemon sees it: which endpoint goes to which container, and what to make when nothing was provisioned.</summary>
/// <param name="EndpointId">The endpoint to hand over.</param>
/// <param name="ContainerId">CNI_CONTAINERID.</param>
/// <param name="Ifname">CNI_IFNAME.</param>
/// <param name="Netns">CNI_NETNS, an absolute path.</param>
/// <param name="Fallback">The endpoint to make when none is provisioned (from the CNI configuration), or null to wait for the control plane.</param>
public sealed record ContainerAttach(string EndpointId, string ContainerId, string Ifname, string Netns, EndpointRecord? Fallback);
