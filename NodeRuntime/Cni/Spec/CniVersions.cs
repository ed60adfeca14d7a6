namespace MizarNF.Cni.Spec;

/// <summary>The spec versions this plugin speaks, and what each allows.</summary>
public static class CniVersions
{
    /// <summary>The newest: what VERSION reports and error JSON carries when the config named none.</summary>
    public const string Latest = "1.1.0";

    /// <summary>Every version whose configuration and result this plugin reads and writes.</summary>
    public static readonly IReadOnlyList<string> Supported = ["0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"];

    /// <summary>Refuses a version this plugin does not speak, or one too old for <paramref name="command"/> (CHECK came in 0.4.0, STATUS and GC in 1.1.0).</summary>
    public static void Require(string version, string command)
    {
        if (!Supported.Contains(version))
        {
            throw new CniException(CniErrorCode.IncompatibleVersion, $"CNI version {version} is not supported", $"supported: {string.Join(", ", Supported)}");
        }

        var needed = command switch
        {
            "CHECK" => "0.4.0",
            "STATUS" or "GC" => "1.1.0",
            _ => null,
        };
        if (needed is not null && Compare(version, needed) < 0)
        {
            throw new CniException(CniErrorCode.IncompatibleVersion, $"{command} needs CNI version {needed} or newer, the configuration says {version}");
        }
    }

    /// <summary>True for the 0.3.x and 0.4.0 result format (IP entries carry "version").</summary>
    public static bool IpsCarryVersion(string version) => Compare(version, "1.0.0") < 0;

    /// <summary>Orders two dotted versions.</summary>
    public static int Compare(string a, string b)
    {
        var x = a.Split('.').Select(int.Parse).ToArray();
        var y = b.Split('.').Select(int.Parse).ToArray();
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var c = (i < x.Length ? x[i] : 0).CompareTo(i < y.Length ? y[i] : 0);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
