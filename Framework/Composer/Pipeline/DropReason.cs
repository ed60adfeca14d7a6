namespace MizarNF.Composer.Pipeline;

/// <summary>
/// The framework's drop reasons, mirroring bpf-templates/include/mnf/drop_reasons.h (a test keeps
/// the two equal). Functions define 128–255 themselves.
/// </summary>
public enum DropReason : byte
{
    /// <summary>A segment dropped without naming a reason.</summary>
    None = 0,
    EthTruncated = 1,
    VlanTruncated = 2,
    ArpTruncated = 3,
    Ipv4Truncated = 4,
    Ipv4BadHeader = 5,
    L4Truncated = 6,
    GeneveTruncated = 7,
    GeneveVersion = 8,
    GeneveProtocol = 9,
    GeneveOptMalformed = 10,
    GeneveOptCritical = 11,
    GeneveTooManyOpts = 12,
    InnerTruncated = 13,
    PullFailed = 14,
    AdjustFailed = 15,
    NoSegmentVerdict = 16,
    Policy = 17,
    TtlExceeded = 18,
    NodeNotConfigured = 19,
    UnknownNode = 20,
}
