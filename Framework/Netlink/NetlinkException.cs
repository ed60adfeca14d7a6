using System.Runtime.InteropServices;
using System.Text;

namespace MizarNF.Netlink;

/// <summary>
/// The kernel refused a request (an NLMSG_ERROR), or a call around it (socket, setns, open of a
/// namespace, the ethtool ioctl) failed. Carries the positive errno, the operation, the link or
/// namespace it was applied to and, when the kernel sent one, its extended-ack text.
/// </summary>
public sealed class NetlinkException : Exception
{
    /// <summary>Creates the exception; <paramref name="errno"/> is positive (EPERM is 1).</summary>
    public NetlinkException(string operation, int errno, string? target = null, string? netns = null, string? kernelMessage = null, Exception? inner = null)
        : base(Format(operation, errno, target, netns, kernelMessage), inner)
    {
        Operation = operation;
        Errno = errno;
        Target = target;
        Netns = netns;
        KernelMessage = kernelMessage;
    }

    /// <summary>The positive errno.</summary>
    public int Errno { get; }

    /// <summary>What was asked, with its message type, e.g. <c>create veth pair (RTM_NEWLINK)</c>.</summary>
    public string Operation { get; }

    /// <summary>The link (or address, route, namespace) the operation was applied to.</summary>
    public string? Target { get; }

    /// <summary>The network namespace the request went to; null for the caller's own.</summary>
    public string? Netns { get; }

    /// <summary>The kernel's extended-ack text (NLMSGERR_ATTR_MSG), when it sent one.</summary>
    public string? KernelMessage { get; }

    private static string Format(string operation, int errno, string? target, string? netns, string? kernelMessage)
    {
        var text = new StringBuilder(operation).Append(" failed");
        if (target is not null)
        {
            text.Append(" for '").Append(target).Append('\'');
        }

        if (netns is not null)
        {
            text.Append(" in network namespace '").Append(netns).Append('\'');
        }

        text.Append(": ").Append(Marshal.GetPInvokeErrorMessage(errno)).Append(" (errno ").Append(errno).Append(')');
        if (!string.IsNullOrEmpty(kernelMessage))
        {
            text.Append(": kernel says \"").Append(kernelMessage).Append('"');
        }

        return text.ToString();
    }
}
