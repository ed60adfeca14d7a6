using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>Where the time of one attach or detach went, for its log line ("link 4.9, agent 0.7, …" in ms).</summary>
internal sealed class PhaseClock
{
    private readonly StringBuilder _text = new();
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Starts over.</summary>
    public void Restart()
    {
        _text.Clear();
        _last = Stopwatch.GetTimestamp();
    }

    /// <summary>Ends the phase <paramref name="name"/>.</summary>
    public void Mark(string name)
    {
        var now = Stopwatch.GetTimestamp();
        _text.Append(_text.Length == 0 ? string.Empty : ", ").Append(name).Append(' ')
            .Append(Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
        _last = now;
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();
}
