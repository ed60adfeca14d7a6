using System.Text.Json.Nodes;
using MizarNF.Bench.Timing;

namespace MizarNF.Bench.Report;

/// <summary>A subject's run times beside its floor's, from the same interleaved run, and its goal.</summary>
/// <param name="Name">What was timed.</param>
/// <param name="Hook">xdp or tc.</param>
/// <param name="Verdict">What the subject did with the packet, as checked before timing.</param>
/// <param name="Floor">The bare program's run times.</param>
/// <param name="Subject">The subject's run times.</param>
/// <param name="GoalNs">The most the subject may cost above the floor (median against median).</param>
internal sealed record Comparison(string Name, string Hook, string Verdict, Distribution Floor, Distribution Subject, double GoalNs)
{
    public double AboveFloor => Subject.Median - Floor.Median;

    public bool MeetsGoal => AboveFloor <= GoalNs;

    public string Outcome => MeetsGoal ? "OK" : "MISSED";

    /// <summary>
    /// The figures for the JSON line, medians and the subject's p10/p90 first; the keys of the
    /// floor's and the subject's medians and of the difference can be named for the benchmark.
    /// </summary>
    public JsonObject ToJson(string floor = "floor", string subjectKey = "median_ns", string aboveKey = "above_floor_ns") => new()
    {
        ["verdict"] = Verdict,
        [$"{floor}_ns"] = Round(Floor.Median),
        [subjectKey] = Round(Subject.Median),
        [aboveKey] = Round(AboveFloor),
        ["p10"] = Round(Subject.P10),
        ["p90"] = Round(Subject.P90),
        [$"{floor}_p10"] = Round(Floor.P10),
        [$"{floor}_p90"] = Round(Floor.P90),
        ["ok"] = MeetsGoal,
    };

    private static double Round(double ns) => Math.Round(ns, 1);
}
