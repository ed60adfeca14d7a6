using MizarNF.ControlPlane.Allocation;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Store;

namespace MizarNF.ControlPlane.Tests;

/// <summary>A control plane over a temporary store directory and simulated nodes; removes the directory when disposed.</summary>
internal sealed class TestCluster : IDisposable
{
    private readonly ReconcilerOptions _options;

    public TestCluster(VniAllocator? vnis = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "mizarnf-cp-" + Guid.NewGuid().ToString("N"));
        Nodes = new SimulatedNodeFactory();
        _options = new ReconcilerOptions { Vnis = vnis ?? new VniAllocator() };
        Store = FileObjectStore.Open(Directory);
        Reconciler = new Reconciler(Store, Nodes, _options);
    }

    public string Directory { get; }

    public SimulatedNodeFactory Nodes { get; }

    public FileObjectStore Store { get; private set; }

    public Reconciler Reconciler { get; private set; }

    /// <summary>A new control plane instance over the same directory and nodes, as after a process restart.</summary>
    public void Restart()
    {
        Store.Dispose();
        Store = FileObjectStore.Open(Directory);
        Reconciler = new Reconciler(Store, Nodes, _options);
    }

    /// <summary>Writes objects straight into the store, bypassing the reconciler (a crash's leftovers).</summary>
    public void Plant(params MizarObject[] objects)
    {
        foreach (var obj in objects)
        {
            Store.Put(obj);
        }
    }

    /// <summary>Adds node-1..node-<paramref name="count"/>.</summary>
    public async Task AddNodesAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Reconciler.ApplyAsync(Make.Node(i));
        }
    }

    /// <summary>Nodes, a VPC "vpc" (10.0.0.0/16) and a subnet "sub" (<paramref name="cidr"/>).</summary>
    public async Task<Subnet> AddSubnetAsync(int nodes = 3, int bouncers = 1, string cidr = "10.0.0.0/22")
    {
        await AddNodesAsync(nodes);
        await Reconciler.ApplyAsync(Make.Vpc("vpc"));
        return await Reconciler.ApplyAsync(Make.Subnet("sub", "vpc", cidr, bouncers));
    }

    /// <summary>Everything the store holds, as JSON: to check that nothing changed.</summary>
    public string Snapshot() => string.Join('\n', ObjectKinds.All.SelectMany(Store.List).Select(ObjectJson.Serialize));

    public void Dispose()
    {
        Store.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
