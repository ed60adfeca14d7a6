using System.Buffers.Binary;

namespace MizarNF.TestKit.Geneve;

/// <summary>Geneve headers to and from network byte order (RFC 8926 §3.4–3.5, geneve.md).</summary>
public static class GeneveCodec
{
    /// <summary>Geneve's UDP destination port.</summary>
    public const ushort UdpPort = 6081;

    private const byte ControlBit = 0x80;
    private const byte CriticalBit = 0x40;

    /// <summary>The header and its options as they go on the wire.</summary>
    public static byte[] Encode(GeneveHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var bytes = new byte[header.Length];
        Encode(header, bytes);
        return bytes;
    }

    /// <summary>Writes the header and its options to <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Encode(GeneveHeader header, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (destination.Length < header.Length)
        {
            throw new ArgumentException($"The Geneve header needs {header.Length} bytes; the destination has {destination.Length}.", nameof(destination));
        }

        destination[0] = (byte)((header.Version << 6) | header.OptionsLength);
        destination[1] = (byte)((header.ControlFlag ? ControlBit : 0) | (header.CriticalFlag ? CriticalBit : 0));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.ProtocolType);
        destination[4] = (byte)(header.Vni >> 16);
        destination[5] = (byte)(header.Vni >> 8);
        destination[6] = (byte)header.Vni;
        destination[7] = 0;

        var offset = GeneveHeader.FixedLength;
        foreach (var option in header.Options)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], option.Class);
            destination[offset + 2] = option.Type;
            destination[offset + 3] = (byte)(option.Body.Length / 4);
            option.Body.Span.CopyTo(destination[(offset + GeneveOption.HeaderLength)..]);
            offset += option.Length;
        }

        return offset;
    }

    /// <summary>
    /// Reads a Geneve header and its options from the start of <paramref name="data"/> (the UDP
    /// payload). <paramref name="headerLength"/> is where the inner frame starts. Options are read as
    /// TLVs whatever their class; reserved bits are ignored.
    /// </summary>
    /// <exception cref="GeneveFormatException">Truncated, not version 0, or an option runs past opt_len.</exception>
    public static GeneveHeader Decode(ReadOnlySpan<byte> data, out int headerLength)
    {
        if (data.Length < GeneveHeader.FixedLength)
        {
            throw new GeneveFormatException(
                $"Geneve header truncated: the fixed header needs {GeneveHeader.FixedLength} bytes, only {data.Length} present.");
        }

        var version = data[0] >> 6;
        if (version != 0)
        {
            throw new GeneveFormatException($"Geneve version {version} is not supported: only version 0 is defined (RFC 8926 §3.4).");
        }

        var optionsBytes = (data[0] & 0x3F) * 4;
        headerLength = GeneveHeader.FixedLength + optionsBytes;
        if (headerLength > data.Length)
        {
            throw new GeneveFormatException(
                $"Geneve header truncated: opt_len says {optionsBytes} bytes of options, only {data.Length - GeneveHeader.FixedLength} follow the fixed header.");
        }

        var options = DecodeOptions(data[GeneveHeader.FixedLength..headerLength]);
        return new GeneveHeader((uint)((data[4] << 16) | (data[5] << 8) | data[6]), options)
        {
            ControlFlag = (data[1] & ControlBit) != 0,
            CriticalFlag = (data[1] & CriticalBit) != 0,
            ProtocolType = BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
        };
    }

    private static List<GeneveOption> DecodeOptions(ReadOnlySpan<byte> area)
    {
        var options = new List<GeneveOption>();
        var offset = 0;
        while (offset < area.Length)
        {
            // Options are whole words and so is opt_len, so a 4-byte option header always fits;
            // the check keeps the loop honest if that ever changes.
            var wireOffset = GeneveHeader.FixedLength + offset;
            if (area.Length - offset < GeneveOption.HeaderLength)
            {
                throw new GeneveFormatException(
                    $"Geneve option at offset {wireOffset} is truncated: {area.Length - offset} bytes left of opt_len ({area.Length} bytes), its header needs {GeneveOption.HeaderLength}.");
            }

            var optionClass = BinaryPrimitives.ReadUInt16BigEndian(area[offset..]);
            var type = area[offset + 2];
            var bodyLength = (area[offset + 3] & 0x1F) * 4;
            var end = offset + GeneveOption.HeaderLength + bodyLength;
            if (end > area.Length)
            {
                throw new GeneveFormatException(
                    $"Geneve option at offset {wireOffset} (class 0x{optionClass:X4}, type 0x{type:X2}) has a {bodyLength}-byte body " +
                    $"that runs {end - area.Length} bytes past opt_len ({area.Length} bytes of options).");
            }

            options.Add(new GeneveOption(optionClass, type, area[(offset + GeneveOption.HeaderLength)..end]));
            offset = end;
        }

        return options;
    }
}
