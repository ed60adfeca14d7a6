namespace MizarNF.Cni.Spec;

/// <summary>The error codes of the CNI specification (1.1.0, "Error"), and this plugin's own (100 and up).</summary>
public static class CniErrorCode
{
    /// <summary>Incompatible CNI version.</summary>
    public const int IncompatibleVersion = 1;

    /// <summary>Unsupported field in network configuration.</summary>
    public const int UnsupportedField = 2;

    /// <summary>Container unknown or does not exist (the runtime need not clean up).</summary>
    public const int UnknownContainer = 3;

    /// <summary>Invalid necessary environment variables, like CNI_COMMAND or CNI_CONTAINERID.</summary>
    public const int InvalidEnvironment = 4;

    /// <summary>I/O failure, e.g. reading stdin.</summary>
    public const int IoFailure = 5;

    /// <summary>Failed to decode content.</summary>
    public const int DecodingFailure = 6;

    /// <summary>Invalid network config.</summary>
    public const int InvalidNetworkConfig = 7;

    /// <summary>Try again later: a transient condition (the node daemon down or slow, the endpoint not provisioned yet).</summary>
    public const int TryAgainLater = 11;

    /// <summary>STATUS: the plugin is not available (cannot service ADD requests).</summary>
    public const int PluginNotAvailable = 50;

    /// <summary>STATUS: the plugin is not available because of limited connectivity (reserved by the spec; unused: a node either has its data plane or has not).</summary>
    public const int LimitedConnectivity = 51;

    /// <summary>The node daemon refused or failed the call for a reason of its own.</summary>
    public const int NodeFailure = 100;

    /// <summary>The endpoint belongs to another container, or the container to another endpoint.</summary>
    public const int EndpointConflict = 101;

    /// <summary>CHECK: the container's network is not as ADD left it.</summary>
    public const int CheckFailed = 102;
}
