using MizarNF.Netlink;

namespace MizarNF.Bench.Links;

/// <summary>One way of making and removing an endpoint's pod link, as the node daemon does.</summary>
internal interface IPodLinkProvisioner
{
    /// <summary>The name in the report.</summary>
    string Name { get; }

    /// <summary>Makes and configures the link; returns the host end's ifindex.</summary>
    int Create(PodLinkSpec spec);

    void Delete(string hostName);
}
