namespace MizarNF.TestKit.Geneve;

/// <summary>
/// A Geneve header (RFC 8926 §3.4) with its options. <see cref="OptionsLength"/> follows from the
/// options; everything else can be set, so a test can also build what the data path must reject
/// (a version 1 header, a C bit that lies).
/// </summary>
public sealed record GeneveHeader
{
    /// <summary>Bytes of the header without options.</summary>
    public const int FixedLength = 8;

    /// <summary>Protocol type of an Ethernet payload (transparent Ethernet bridging), the only one we send.</summary>
    public const ushort TransparentEthernetBridging = 0x6558;

    /// <summary>The largest 24-bit VNI.</summary>
    public const uint MaxVni = 0xFF_FFFF;

    /// <summary>The most option bytes the 6-bit opt_len can describe (63 words).</summary>
    public const int MaxOptionsBytes = 63 * 4;

    private readonly byte version;
    private readonly uint vni;
    private readonly IReadOnlyList<GeneveOption> options = [];

    /// <summary>
    /// A version 0 data header for <paramref name="vni"/> carrying <paramref name="options"/>, with
    /// the C bit set iff one of them is critical (geneve.md). <c>with { Options = … }</c> keeps the
    /// old C bit: set both.
    /// </summary>
    public GeneveHeader(uint vni, IEnumerable<GeneveOption>? options = null)
    {
        Vni = vni;
        Options = options?.ToArray() ?? [];
        CriticalFlag = Options.Any(o => o.IsCritical);
    }

    /// <summary>The 2-bit version; only 0 is defined.</summary>
    public byte Version
    {
        get => version;
        init => version = value <= 3
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Version), value, "The Geneve version is 2 bits (0–3).");
    }

    /// <summary>The O bit: a control (OAM) packet rather than data.</summary>
    public bool ControlFlag { get; init; }

    /// <summary>The C bit: at least one critical option is present.</summary>
    public bool CriticalFlag { get; init; }

    /// <summary>The EtherType of the payload.</summary>
    public ushort ProtocolType { get; init; } = TransparentEthernetBridging;

    /// <summary>The 24-bit virtual network identifier.</summary>
    public uint Vni
    {
        get => vni;
        init => vni = value <= MaxVni
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Vni), value, $"A VNI is 24 bits (at most 0x{MaxVni:X6}).");
    }

    /// <summary>The options, in wire order.</summary>
    public IReadOnlyList<GeneveOption> Options
    {
        get => options;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var bytes = value.Sum(o => o.Length);
            if (bytes > MaxOptionsBytes)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(Options), bytes, $"Geneve options take at most {MaxOptionsBytes} bytes (opt_len is 6 bits of 4-byte words).");
            }

            options = value.ToArray();
        }
    }

    /// <summary>opt_len: the options' length in 4-byte words.</summary>
    public int OptionsLength => options.Sum(o => o.Length) / 4;

    /// <summary>Bytes of the whole header, options included.</summary>
    public int Length => FixedLength + (OptionsLength * 4);

    /// <inheritdoc/>
    public bool Equals(GeneveHeader? other) =>
        other is not null
        && Version == other.Version
        && ControlFlag == other.ControlFlag
        && CriticalFlag == other.CriticalFlag
        && ProtocolType == other.ProtocolType
        && Vni == other.Vni
        && options.SequenceEqual(other.options);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Version, ControlFlag, CriticalFlag, ProtocolType, Vni, options.Count);

    /// <inheritdoc/>
    public override string ToString() =>
        $"GeneveHeader {{ Version = {Version}, O = {ControlFlag}, C = {CriticalFlag}, ProtocolType = 0x{ProtocolType:X4}, " +
        $"Vni = 0x{Vni:X6}, Options = [{string.Join(", ", options)}] }}";
}
