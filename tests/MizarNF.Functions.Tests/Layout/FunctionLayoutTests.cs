using MizarNF.Composer.Node;
using MizarNF.Contracts.Maps;
using MizarNF.Functions.Bouncer.Maps;
using MizarNF.Functions.Endpoint.Maps;
using MizarNF.TestKit.Layout;

namespace MizarNF.Functions.Tests.Layout;

/// <summary>Every struct the functions and the framework share between C and C# has one layout.</summary>
public sealed class FunctionLayoutTests
{
    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    [Fact]
    public void Check_SharedStructs_MatchTheirCHeaders()
    {
        var root = Root();
        LayoutGuard.Check(
            [typeof(EpKey), typeof(VpcPrefix), typeof(NodeSet), typeof(SelfEntry), typeof(PeerEntry), typeof(LocalEndpoint), typeof(AgentEndpoint), typeof(LearntHost), typeof(BouncedEndpoint)],
            ["mnf/vpc.h", "mnf/node.h", "endpoint_structs.h", "bouncer_structs.h"],
            [Path.Combine(root, "bpf-templates", "include"), Path.Combine(root, "Functions", "Endpoint", "bpf", "include"), Path.Combine(root, "Functions", "Bouncer", "bpf", "include")],
            ["#include <linux/bpf.h>", "#include <bpf/bpf_helpers.h>"]);
    }
}
