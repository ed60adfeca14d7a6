using MizarNF.Cni.Spec;

namespace MizarNF.Cni.Invocation;

/// <summary>The CNI_* variables a runtime sets, checked for the command they came with.</summary>
public sealed record CniEnvironment(string Command, string ContainerId, string Netns, string Ifname, IReadOnlyDictionary<string, string> Args, string Path)
{
    /// <summary>Reads the variables; a missing or malformed one the command needs is error 4.</summary>
    public static CniEnvironment Read(Func<string, string?> get)
    {
        var command = get("CNI_COMMAND");
        if (string.IsNullOrEmpty(command))
        {
            throw new CniException(CniErrorCode.InvalidEnvironment, "CNI_COMMAND is not set");
        }

        if (command is not ("ADD" or "DEL" or "CHECK" or "VERSION" or "STATUS" or "GC"))
        {
            throw new CniException(CniErrorCode.InvalidEnvironment, $"unknown CNI_COMMAND '{command}'", "one of ADD, DEL, CHECK, VERSION, STATUS, GC");
        }

        var env = new CniEnvironment(command, get("CNI_CONTAINERID") ?? string.Empty, get("CNI_NETNS") ?? string.Empty,
            get("CNI_IFNAME") ?? string.Empty, ParseArgs(get("CNI_ARGS")), get("CNI_PATH") ?? string.Empty);
        if (command is "ADD" or "DEL" or "CHECK")
        {
            Require(env.ContainerId, "CNI_CONTAINERID", command);
            Require(env.Ifname, "CNI_IFNAME", command);
            if (!env.ContainerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                throw new CniException(CniErrorCode.InvalidEnvironment, $"CNI_CONTAINERID '{env.ContainerId}' has characters other than letters, digits, '_', '.' and '-'");
            }

            if (env.Ifname.Length > 15 || env.Ifname is "." or ".." || env.Ifname.Any(c => c is '/' or ':' || char.IsWhiteSpace(c)))
            {
                throw new CniException(CniErrorCode.InvalidEnvironment, $"CNI_IFNAME '{env.Ifname}' is not a valid interface name");
            }
        }

        if (command is "ADD" or "CHECK")
        {
            Require(env.Netns, "CNI_NETNS", command);
        }

        return env;
    }

    private static void Require(string value, string name, string command)
    {
        if (value.Length == 0)
        {
            throw new CniException(CniErrorCode.InvalidEnvironment, $"{name} is required for {command}");
        }
    }

    /// <summary>CNI_ARGS: "K1=V1;K2=V2". A pair without '=' is error 4.</summary>
    private static Dictionary<string, string> ParseArgs(string? text)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CniException(CniErrorCode.InvalidEnvironment, $"CNI_ARGS has '{pair}', not KEY=VALUE");
            }

            args[pair[..eq]] = pair[(eq + 1)..];
        }

        return args;
    }
}
