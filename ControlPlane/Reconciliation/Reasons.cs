namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>The reasons of Ready conditions (stable: tools may match on them).</summary>
internal static class Reasons
{
    public const string Programmed = "Programmed";
    public const string Placed = "Placed";
    public const string PeersSet = "PeersSet";
    public const string Provisioning = "Provisioning";
    public const string Programming = "Programming";
    public const string NodeUnreachable = "NodeUnreachable";
    public const string NodeRejected = "NodeRejected";
    public const string NodeUnknown = "NodeUnknown";
    public const string NoReadyNodes = "NoReadyNodes";
    public const string VpcNotReady = "VpcNotReady";
    public const string SubnetNotReady = "SubnetNotReady";
    public const string Invalid = "Invalid";
    public const string Deleting = "Deleting";
}
