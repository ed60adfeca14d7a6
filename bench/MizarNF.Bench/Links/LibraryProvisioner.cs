using MizarNF.Netlink;

namespace MizarNF.Bench.Links;

/// <summary>MizarNF.Netlink in process: one host client kept open, as a daemon would keep it; a client of the pod's namespace per link.</summary>
internal sealed class LibraryProvisioner(RtnetlinkClient host) : IPodLinkProvisioner
{
    public string Name => "MizarNF.Netlink";

    public int Create(PodLinkSpec spec) => PodLink.Create(host, spec);

    public void Delete(string hostName)
    {
        if (!PodLink.Delete(host, hostName))
        {
            throw new InvalidOperationException($"{hostName} was not there to delete");
        }
    }
}
