using MizarNF.ControlPlane.Kubernetes.Store;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Store;

public sealed class InMemoryObjectStoreTests
{
    [Fact]
    public void PutListGetDelete_TwoVpcs_OrderedByNameAndRemovable()
    {
        var store = new InMemoryObjectStore();
        store.Put(MakeVpc("red"));
        store.Put(MakeVpc("blue"));

        Assert.Equal(["blue", "red"], store.List<Vpc>().Select(v => v.Name));
        Assert.Equal("red", store.Get("vpc", "red")!.Name);
        Assert.True(store.Delete(Vpc.KindName, "red"));
        Assert.False(store.Delete(Vpc.KindName, "red"));
        Assert.Null(store.Get<Vpc>("red"));
        Assert.Empty(store.List<Subnet>());
    }

    private static Vpc MakeVpc(string name) => new() { Metadata = new ObjectMeta { Name = name }, Spec = new VpcSpec { Cidr = "10.0.0.0/16" } };
}
