namespace MizarNF.ControlPlane.Nodes;

/// <summary>
/// The calls some simulated nodes carried out, in the order they took effect across all of them:
/// to check the order of calls to different nodes (make-before-break).
/// </summary>
public sealed class SimulatedCallLog
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedCall> _calls = [];

    /// <summary>The calls so far, oldest first.</summary>
    public IReadOnlyList<SimulatedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Forgets the calls.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>Records a call that took effect.</summary>
    internal void Add(SimulatedCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }
}
