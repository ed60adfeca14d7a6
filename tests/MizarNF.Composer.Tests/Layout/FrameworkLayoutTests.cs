using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Tests.Fixtures;
using MizarNF.TestKit.Layout;

namespace MizarNF.Composer.Tests.Layout;

public sealed class FrameworkLayoutTests
{
    private static readonly string[] Prelude = ["#define MNF_HOOK_XDP 1"];

    [Fact]
    public void Check_FrameworkStructs_MatchTheirCHeaders()
    {
        LayoutGuard.Check([typeof(VerdictStats)], ["mnf/stats.h"], [Path.Combine(RepoPaths.BpfTemplates, "include")], Prelude);
    }

    [Fact]
    public void Check_DriftedStruct_FailsNamingTheField()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            LayoutGuard.Check([typeof(DriftedVerdictStats)], ["mnf/stats.h"], [Path.Combine(RepoPaths.BpfTemplates, "include")], Prelude));

        Assert.Contains("offsetof(struct mnf_verdict_stats, pass)", e.Message);
    }

#pragma warning disable CS0649 // never assigned: only its layout matters
    [MizarNF.Contracts.CStruct("mnf_verdict_stats")]
    private struct DriftedVerdictStats
    {
        public ulong Drop; // C has pass first: the guard must catch the swap
        public ulong Pass;
        public ulong Tx;
        public ulong Redirect;
        public ulong Bytes;
    }
}
