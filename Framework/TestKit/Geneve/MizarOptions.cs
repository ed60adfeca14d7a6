namespace MizarNF.TestKit.Geneve;

/// <summary>MizarNF's Geneve option class and types (geneve.md, include/mnf/geneve.h).</summary>
public static class MizarOptions
{
    /// <summary>Our option class, from the experimental and local-use range 0xFF00–0xFFFF (RFC 8926 §7.2).</summary>
    public const ushort Class = 0xFF4D;

    /// <summary>HOST: endpoint IPv4 | host IPv4 ("in this VNI, endpoint X lives on node H").</summary>
    public const byte HostType = 0x01;

    /// <summary>SERVICE: a scaled endpoint's decision for one flow.</summary>
    public const byte ServiceType = 0x02;

    /// <summary>The most options the data path walks before dropping with GENEVE_TOO_MANY_OPTS.</summary>
    public const int MaxOptions = 8;
}
