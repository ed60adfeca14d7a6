using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MizarNF.Netlink.Interop;
using MizarNF.Netlink.Protocol;

namespace MizarNF.Netlink;

/// <summary>IPv4 addresses of links.</summary>
public sealed partial class RtnetlinkClient
{
    /// <summary>Adds <paramref name="address"/>/<paramref name="prefixLength"/> to the link; EEXIST when it has it.</summary>
    public void AddAddress(string link, IPAddress address, int prefixLength) => AddAddress(GetIndex(link), address, prefixLength, link);

    /// <summary>Adds the address to the link with index <paramref name="index"/>.</summary>
    public void AddAddress(int index, IPAddress address, int prefixLength) => AddAddress(index, address, prefixLength, $"ifindex {index}");

    /// <summary>Removes the address from the link; false when the link did not have it.</summary>
    public bool DeleteAddress(string link, IPAddress address, int prefixLength)
    {
        var index = GetIndex(link);
        CheckIPv4(address, prefixLength);
        lock (_lock)
        {
            var w = Begin(Rtm.DELADDR, Nl.NLM_F_ACK);
            w.Header(new IfAddrMsg { Family = Rtm.AF_INET, PrefixLength = (byte)prefixLength, Index = index });
            w.IPv4(Rtm.IFA_LOCAL, address);
            try
            {
                Execute(w.Finish(), "delete address (RTM_DELADDR)", $"{address}/{prefixLength} on {link}");
                return true;
            }
            catch (NetlinkException e) when (e.Errno == Errno.EADDRNOTAVAIL)
            {
                return false;
            }
        }
    }

    /// <summary>The IPv4 addresses of the namespace, or of one link.</summary>
    public IReadOnlyList<AddressInfo> ListAddresses(string? link = null)
    {
        var index = link is null ? 0 : GetIndex(link);
        var addresses = new List<AddressInfo>();
        lock (_lock)
        {
            var w = Begin(Rtm.GETADDR, Nl.NLM_F_DUMP);
            w.Header(new IfAddrMsg { Family = Rtm.AF_INET });
            _socket.Transact(w.Finish(), CollectAddress, addresses, new Failure("list addresses (RTM_GETADDR dump)", link, Netns));
        }

        return index == 0 ? addresses : addresses.FindAll(a => a.Index == index);
    }

    private static void CollectAddress(ushort type, ReadOnlySpan<byte> payload, List<AddressInfo> addresses)
    {
        if (type != Rtm.NEWADDR || payload.Length < Unsafe.SizeOf<IfAddrMsg>())
        {
            return;
        }

        var header = MemoryMarshal.Read<IfAddrMsg>(payload);
        if (header.Family != Rtm.AF_INET)
        {
            return;
        }

        IPAddress? local = null, peer = null;
        string? label = null;
        var a = new AttributeReader(payload[Unsafe.SizeOf<IfAddrMsg>()..]);
        while (a.Next())
        {
            switch (a.Type)
            {
                case Rtm.IFA_LOCAL: local = a.Address; break;
                case Rtm.IFA_ADDRESS: peer = a.Address; break;
                case Rtm.IFA_LABEL: label = a.String; break;
            }
        }

        if ((local ?? peer) is { } address)
        {
            addresses.Add(new AddressInfo(header.Index, address, header.PrefixLength, header.Scope, label));
        }
    }

    private static void CheckIPv4(IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
    }

    private void AddAddress(int index, IPAddress address, int prefixLength, string link)
    {
        CheckIPv4(address, prefixLength);
        lock (_lock)
        {
            var w = Begin(Rtm.NEWADDR, Nl.NLM_F_ACK | Nl.NLM_F_CREATE | Nl.NLM_F_EXCL);
            w.Header(new IfAddrMsg { Family = Rtm.AF_INET, PrefixLength = (byte)prefixLength, Index = index });
            // As `ip addr add` sends it: IFA_LOCAL is the address, IFA_ADDRESS the same on a non-point-to-point link.
            w.IPv4(Rtm.IFA_LOCAL, address);
            w.IPv4(Rtm.IFA_ADDRESS, address);
            Execute(w.Finish(), "add address (RTM_NEWADDR)", $"{address}/{prefixLength} on {link}");
        }
    }
}
