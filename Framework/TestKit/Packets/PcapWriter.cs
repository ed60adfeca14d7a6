using System.Buffers.Binary;

namespace MizarNF.TestKit.Packets;

/// <summary>
/// Writes Ethernet frames to a classic pcap file (LINKTYPE_ETHERNET, microsecond timestamps), so a
/// test can hand its packets to an independent decoder (tshark) or a person (Wireshark).
/// </summary>
public sealed class PcapWriter : IDisposable
{
    /// <summary>LINKTYPE_ETHERNET.</summary>
    public const uint LinkTypeEthernet = 1;

    /// <summary>The snapshot length written in the file header; longer frames are rejected, not cut.</summary>
    public const int SnapLength = 262144;

    private const uint Magic = 0xA1B2C3D4;
    private static readonly DateTimeOffset DefaultStart = DateTimeOffset.UnixEpoch;

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private DateTimeOffset next = DefaultStart;
    private bool disposed;

    /// <summary>Writes the pcap file header to <paramref name="stream"/>.</summary>
    public PcapWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], SnapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], LinkTypeEthernet);
        stream.Write(header);
    }

    /// <summary>Creates (or overwrites) the pcap file at <paramref name="path"/>.</summary>
    public static PcapWriter Create(string path) => new(File.Create(path));

    /// <summary>Writes <paramref name="frames"/> to a new pcap file at <paramref name="path"/>.</summary>
    public static void WriteFile(string path, IEnumerable<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        using var writer = Create(path);
        foreach (var frame in frames)
        {
            writer.Write(frame);
        }
    }

    /// <summary>
    /// Appends one frame. Without a <paramref name="timestamp"/>, frames are stamped one microsecond
    /// apart from the Unix epoch, so the same frames always give the same file.
    /// </summary>
    public void Write(ReadOnlySpan<byte> frame, DateTimeOffset? timestamp = null)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (frame.Length > SnapLength)
        {
            throw new ArgumentException($"A {frame.Length}-byte frame is longer than the snapshot length {SnapLength}.", nameof(frame));
        }

        var time = timestamp ?? next;
        next = time.AddTicks(TimeSpan.TicksPerMicrosecond);
        var sinceEpoch = time - DateTimeOffset.UnixEpoch;
        Span<byte> record = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(sinceEpoch.Ticks / TimeSpan.TicksPerSecond));
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(sinceEpoch.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond));
        BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
        stream.Write(record);
        stream.Write(frame);
    }

    /// <summary>Flushes, and closes the stream unless told to leave it open.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        stream.Flush();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}
