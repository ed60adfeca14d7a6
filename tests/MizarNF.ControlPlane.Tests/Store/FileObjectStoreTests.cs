using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Store;

namespace MizarNF.ControlPlane.Tests.Store;

public sealed class FileObjectStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mizarnf-store-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Put_NewInstance_ObjectSurvives()
    {
        using (var store = FileObjectStore.Open(_dir))
        {
            store.Put(Make.Vpc("blue") with { Status = new VpcStatus { Vni = 42 } });
            store.Put(Make.Node(1));
        }

        using var reopened = FileObjectStore.Open(_dir);

        Assert.Equal(42u, reopened.Get<Vpc>("blue")!.Status.Vni);
        Assert.Equal("192.168.0.1", Assert.Single(reopened.List<Node>()).Spec.Address);
        Assert.True(File.Exists(Path.Combine(_dir, "vpc", "blue.json")));
    }

    [Fact]
    public void PutRederivable_OverADurableVersion_NewVersionReadBackWholeAndNoTempLeft()
    {
        using (var store = FileObjectStore.Open(_dir))
        {
            store.Put(Make.Vpc("blue") with { Status = new VpcStatus { Vni = 42 } });
            store.PutRederivable(Make.Vpc("blue") with { Status = new VpcStatus { Vni = 43 } });
            store.PutRederivable(Make.Vpc("green") with { Status = new VpcStatus { Vni = 7 } }); // a new name: synced like Put
        }

        using var reopened = FileObjectStore.Open(_dir);

        Assert.Equal(43u, reopened.Get<Vpc>("blue")!.Status.Vni);
        Assert.Equal(7u, reopened.Get<Vpc>("green")!.Status.Vni);
        Assert.Equal(["blue.json", "green.json"], Directory.GetFiles(Path.Combine(_dir, "vpc")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Open_WhileOpen_ThrowsInUse()
    {
        using var first = FileObjectStore.Open(_dir);

        var e = Assert.Throws<IOException>(() => FileObjectStore.Open(_dir));

        Assert.Contains("in use", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterDispose_Succeeds()
    {
        FileObjectStore.Open(_dir).Dispose();

        using var second = FileObjectStore.Open(_dir);

        Assert.Empty(second.List<Vpc>());
    }

    [Fact]
    public void Delete_Existing_RemovesFile()
    {
        using var store = FileObjectStore.Open(_dir);
        store.Put(Make.Vpc("blue"));

        Assert.True(store.Delete(Vpc.KindName, "blue"));
        Assert.False(store.Delete(Vpc.KindName, "blue"));
        Assert.Null(store.Get<Vpc>("blue"));
        Assert.False(File.Exists(Path.Combine(_dir, "vpc", "blue.json")));
    }

    [Fact]
    public void Put_Replace_LeavesOneFileNoTemp()
    {
        using var store = FileObjectStore.Open(_dir);
        store.Put(Make.Vpc("blue"));
        store.Put(Make.Vpc("blue", "10.1.0.0/16"));

        Assert.Equal(["blue.json"], Directory.GetFiles(Path.Combine(_dir, "vpc")).Select(Path.GetFileName));
        Assert.Equal("10.1.0.0/16", store.Get<Vpc>("blue")!.Spec.Cidr);
    }

    [Fact]
    public void Open_CrashedTempWrite_PreviousVersionStands()
    {
        using (var store = FileObjectStore.Open(_dir))
        {
            store.Put(Make.Vpc("blue"));
        }

        File.WriteAllText(Path.Combine(_dir, "vpc", "blue.json.tmp"), "{ half a wri");

        using var reopened = FileObjectStore.Open(_dir);

        Assert.Equal("10.0.0.0/16", reopened.Get<Vpc>("blue")!.Spec.Cidr);
        Assert.False(File.Exists(Path.Combine(_dir, "vpc", "blue.json.tmp")));
    }

    [Fact]
    public void Open_CorruptFile_ThrowsNamingIt()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "subnet"));
        File.WriteAllText(Path.Combine(_dir, "subnet", "bad.json"), "not json");

        var e = Assert.Throws<InvalidDataException>(() => FileObjectStore.Open(_dir));

        Assert.Contains("bad.json", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => FileObjectStore.Open(_dir)); // not "in use": the failed open let go of its lock
    }

    [Fact]
    public void Put_InvalidName_Refused()
    {
        using var store = FileObjectStore.Open(_dir);

        Assert.Throws<ControlPlaneValidationException>(() => store.Put(Make.Vpc("../escape")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
