using MizarNF.Functions.ScaledEndpoint.Maps;
using MizarNF.TestKit.Layout;

namespace MizarNF.Functions.Tests.ScaledEndpoint;

/// <summary>The ScaledEndpoint structs shared between C and C# have one layout.</summary>
public sealed class ScaledEndpointLayoutTests
{
    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    [Fact]
    public void Check_ServiceStructs_MatchTheirCHeader()
    {
        var root = Root();
        LayoutGuard.Check(
            [typeof(ServiceKey), typeof(ServiceInfo), typeof(ServiceBackend), typeof(FlowKey), typeof(ForwardEntry), typeof(ReverseEntry), typeof(ServiceConfig), typeof(ServiceStats)],
            ["svc_structs.h"],
            [Path.Combine(root, "bpf-templates", "include"), Path.Combine(root, "Functions", "ScaledEndpoint", "bpf", "include")],
            ["#include <linux/bpf.h>", "#include <bpf/bpf_helpers.h>"]);
    }
}
