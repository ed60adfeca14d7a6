using MizarNF.ControlPlane.Kubernetes.Mapping;
using MizarNF.ControlPlane.Kubernetes.Resources;
using MizarNF.ControlPlane.Kubernetes.Writing;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Writing;

public sealed class FinalizersTests
{
    private static readonly Dictionary<string, string> NoAnnotations = [];

    [Fact]
    public void Add_OtherFinalizerPresent_KeepsItAndCarriesTheResourceVersion()
    {
        var source = new ObjectSource(ResourceKind.Vpc, null, "blue", 1, "17", ["other.io/keep"], NoAnnotations);

        var patch = Finalizers.Add(source);

        Assert.Equal(k8s.Models.V1Patch.PatchType.MergePatch, patch.Type);
        Assert.Equal("""{"metadata":{"finalizers":["other.io/keep","mizarnf.io/cleanup"],"resourceVersion":"17"}}""", patch.Content);
    }

    [Fact]
    public void Remove_OursSecond_TestsAndRemovesIndexOne()
    {
        var source = new ObjectSource(ResourceKind.Vpc, null, "blue", 1, "17", ["other.io/keep", MizarAnnotations.Finalizer], NoAnnotations);

        var patch = Finalizers.Remove(source);

        Assert.Equal(k8s.Models.V1Patch.PatchType.JsonPatch, patch.Type);
        Assert.Equal("""[{"op":"test","path":"/metadata/finalizers/1","value":"mizarnf.io/cleanup"},{"op":"remove","path":"/metadata/finalizers/1"}]""", patch.Content);
    }
}
