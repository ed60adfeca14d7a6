using System.Runtime.InteropServices;
using System.Text;
using MizarNF.Netlink.Ethtool;
using MizarNF.Netlink.Links;

namespace MizarNF.Netlink;

/// <summary>
/// Offloads through the SIOCETHTOOL ioctl. Any socket carries it to the device layer
/// (sock_do_ioctl falls back to dev_ioctl in the socket's namespace), so the client's own
/// netlink socket does, in the client's namespace.
/// </summary>
public sealed partial class RtnetlinkClient
{
    /// <summary>The kernel's feature names are the same for every device and never change: read once.</summary>
    private static FeatureBits? s_features;

    /// <summary>Turns the <paramref name="offloads"/> on or off in one ETHTOOL_SFEATURES, as `ethtool -K NAME tx off tso off gso off` does.</summary>
    public void SetOffloads(string link, Offloads offloads, bool enabled)
    {
        LinkName.Validate(link, nameof(link));
        var operation = $"set {offloads} {(enabled ? "on" : "off")} (SIOCETHTOOL ETHTOOL_SFEATURES)";
        lock (_lock)
        {
            var features = Features(link, operation);
            var mask = features.Of(offloads);
            // struct ethtool_sfeatures { u32 cmd; u32 size; struct { u32 valid; u32 requested; } features[size]; }
            Span<uint> request = stackalloc uint[2 + (2 * features.Blocks)];
            request[0] = EthtoolCommand.SFEATURES;
            request[1] = (uint)features.Blocks;
            for (var b = 0; b < features.Blocks; b++)
            {
                request[2 + (2 * b)] = mask[b];
                request[3 + (2 * b)] = enabled ? mask[b] : 0;
            }

            // A positive result (ETHTOOL_F_WISH, _UNSUPPORTED) reports bits the device cannot change, e.g. [fixed] off ones: not an error.
            Ioctl(link, MemoryMarshal.AsBytes(request), operation);
        }
    }

    /// <summary>Which of the offload groups have any feature active.</summary>
    public Offloads GetOffloads(string link)
    {
        LinkName.Validate(link, nameof(link));
        const string Operation = "get offloads (SIOCETHTOOL ETHTOOL_GFEATURES)";
        lock (_lock)
        {
            var features = Features(link, Operation);
            // struct ethtool_gfeatures { u32 cmd; u32 size; struct { u32 available, requested, active, never_changed; } features[size]; }
            Span<uint> reply = stackalloc uint[2 + (4 * features.Blocks)];
            reply.Clear();
            reply[0] = EthtoolCommand.GFEATURES;
            reply[1] = (uint)features.Blocks;
            Ioctl(link, MemoryMarshal.AsBytes(reply), Operation);
            Span<uint> active = stackalloc uint[features.Blocks];
            for (var b = 0; b < features.Blocks; b++)
            {
                active[b] = reply[2 + (4 * b) + 2];
            }

            return features.ActiveIn(active);
        }
    }

    private FeatureBits Features(string link, string operation)
    {
        if (s_features is { } known)
        {
            return known;
        }

        // struct ethtool_sset_info { u32 cmd; u32 reserved; u64 sset_mask; u32 data[]; }: one set asked, one count back.
        Span<uint> info = [EthtoolCommand.GSSET_INFO, 0, 1u << EthtoolCommand.ETH_SS_FEATURES, 0, 0];
        Ioctl(link, MemoryMarshal.AsBytes(info), operation + ": feature count (ETHTOOL_GSSET_INFO)");
        var count = (int)info[4];

        // struct ethtool_gstrings { u32 cmd; u32 string_set; u32 len; u8 data[len * ETH_GSTRING_LEN]; }
        var strings = new byte[12 + (count * EthtoolCommand.ETH_GSTRING_LEN)];
        var header = MemoryMarshal.Cast<byte, uint>(strings.AsSpan(0, 12));
        header[0] = EthtoolCommand.GSTRINGS;
        header[1] = EthtoolCommand.ETH_SS_FEATURES;
        header[2] = (uint)count;
        Ioctl(link, strings, operation + ": feature names (ETHTOOL_GSTRINGS)");
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            var name = strings.AsSpan(12 + (i * EthtoolCommand.ETH_GSTRING_LEN), EthtoolCommand.ETH_GSTRING_LEN);
            var end = name.IndexOf((byte)0);
            names[i] = Encoding.ASCII.GetString(end < 0 ? name : name[..end]);
        }

        return s_features = new FeatureBits(names);
    }

    /// <summary>One SIOCETHTOOL with <paramref name="command"/> (its first u32 is the ethtool command), read and written in place.</summary>
    private unsafe int Ioctl(string link, Span<byte> command, string operation)
    {
        // struct ifreq: char ifr_name[IFNAMSIZ], then a union whose ifr_data points at the command.
        var request = stackalloc byte[40];
        var span = new Span<byte>(request, 40);
        span.Clear();
        Encoding.UTF8.GetBytes(link, span[..LinkName.MaxBytes]);
        var descriptor = _socket.Descriptor;
        var added = false;
        descriptor.DangerousAddRef(ref added);
        try
        {
            fixed (byte* data = command)
            {
                *(byte**)(request + 16) = data;
                var rc = Interop.Libc.ioctl(descriptor.Fd, Interop.Libc.SIOCETHTOOL, request);
                return rc >= 0 ? rc : throw new NetlinkException(operation, Marshal.GetLastPInvokeError(), link, Netns);
            }
        }
        finally
        {
            descriptor.DangerousRelease();
        }
    }
}
