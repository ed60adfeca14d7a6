using System.Diagnostics;
using System.Text.Json;

namespace MizarNF.TestKit.Packets;

/// <summary>
/// Runs tshark (Wireshark's dissectors) over a pcap file: an independent decoder to check our
/// encoders against. tshark decodes UDP 6081 as Geneve by default. The executable is
/// <c>$TSHARK</c> if set, else <c>tshark</c> on the PATH.
/// </summary>
public static class Tshark
{
    // The ASCII unit separator joins a field's occurrences: unlike ',' it never appears in a value.
    private const char Aggregator = '\u001F';
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The tshark executable used.</summary>
    public static string Executable => Environment.GetEnvironmentVariable("TSHARK") is { Length: > 0 } path ? path : "tshark";

    /// <summary>
    /// <c>tshark -r FILE -n -T fields -e …</c>: one <see cref="TsharkPacket"/> per packet with every
    /// occurrence of each field. <paramref name="arguments"/> go before the rest (e.g. <c>-o</c>
    /// preferences such as <c>ip.check_checksum:TRUE</c>, or <c>-d</c> decode-as rules).
    /// </summary>
    public static IReadOnlyList<TsharkPacket> Fields(string pcapPath, IEnumerable<string> fields, IEnumerable<string>? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var names = fields.ToArray();
        var args = new List<string>(arguments ?? []) { "-r", pcapPath, "-n", "-T", "fields", "-E", "header=n", "-E", "separator=/t", "-E", "occurrence=a", "-E", $"aggregator={Aggregator}" };
        foreach (var name in names)
        {
            args.Add("-e");
            args.Add(name);
        }

        var packets = new List<TsharkPacket>();
        foreach (var line in Run(args).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var columns = line.TrimEnd('\r').Split('\t');
            var values = new Dictionary<string, IReadOnlyList<string>>();
            for (var i = 0; i < names.Length; i++)
            {
                var column = i < columns.Length ? columns[i] : string.Empty;
                values[names[i]] = column.Length == 0 ? [] : column.Split(Aggregator);
            }

            packets.Add(new TsharkPacket(values));
        }

        return packets;
    }

    /// <summary>
    /// <c>tshark -r FILE -n -T json</c>: the whole dissection. Note that its "layers" objects repeat
    /// keys for repeated protocols (outer and inner "ip"); enumerate them rather than look them up.
    /// </summary>
    public static JsonDocument Json(string pcapPath, IEnumerable<string>? arguments = null)
    {
        var args = new List<string>(arguments ?? []) { "-r", pcapPath, "-n", "-T", "json" };
        return JsonDocument.Parse(Run(args));
    }

    /// <summary>Runs tshark with <paramref name="arguments"/> and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">tshark failed or did not finish in time.</exception>
    public static string Run(IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        var command = $"{psi.FileName} {string.Join(' ', psi.ArgumentList)}";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{command} did not finish within {Timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} exited with {process.ExitCode}: {stderr.Result.Trim()}");
        }

        return stdout.Result;
    }
}
