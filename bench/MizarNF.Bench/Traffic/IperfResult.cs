using System.Text.Json;

namespace MizarNF.Bench.Traffic;

/// <summary>One iperf3 TCP test, from the client's JSON report (-J).</summary>
/// <param name="BitsPerSecond">What the receiver got, averaged over the test.</param>
/// <param name="Retransmits">TCP retransmissions on the sender.</param>
/// <param name="SenderCpuPercent">The sending host's CPU use (all of the 2-core VM's work shows here: it is one host).</param>
/// <param name="ReceiverCpuPercent">The receiving host's CPU use.</param>
internal sealed record IperfResult(double BitsPerSecond, long Retransmits, double SenderCpuPercent, double ReceiverCpuPercent)
{
    public double Gbps => BitsPerSecond / 1e9;

    /// <summary>Reads the report; throws <see cref="FormatException"/> with iperf3's own error when the test failed.</summary>
    public static IperfResult Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                throw new FormatException($"iperf3: {error.GetString()}");
            }

            var end = root.GetProperty("end");
            var cpu = end.GetProperty("cpu_utilization_percent");
            return new IperfResult(
                end.GetProperty("sum_received").GetProperty("bits_per_second").GetDouble(),
                end.GetProperty("sum_sent").TryGetProperty("retransmits", out var r) ? r.GetInt64() : 0,
                cpu.GetProperty("host_total").GetDouble(),
                cpu.GetProperty("remote_total").GetDouble());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"unreadable iperf3 report ({e.Message}): {json[..Math.Min(json.Length, 400)]}", e);
        }
    }
}
