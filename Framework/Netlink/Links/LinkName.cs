using System.Text;

namespace MizarNF.Netlink.Links;

/// <summary>The kernel's rule for interface names (dev_valid_name), checked before anything is sent.</summary>
internal static class LinkName
{
    /// <summary>IFNAMSIZ less the NUL.</summary>
    internal const int MaxBytes = 15;

    internal static void Validate(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameter);
        if (Encoding.UTF8.GetByteCount(name) > MaxBytes)
        {
            throw new ArgumentException($"interface name '{name}' is longer than {MaxBytes} bytes", parameter);
        }

        if (name is "." or ".." || name.AsSpan().IndexOfAny("/: \t\n") >= 0)
        {
            throw new ArgumentException($"'{name}' is not a valid interface name (no '/', ':' or white space; not '.' or '..')", parameter);
        }
    }
}
