using MizarNF.ControlPlane.Placement;

namespace MizarNF.ControlPlane.Tests.Placement;

public sealed class RolePlacementTests
{
    private static readonly string[] Nodes = ["n1", "n2", "n3", "n4"];

    [Fact]
    public void Place_Loaded_LeastLoadedFirstTiesByName()
    {
        var load = new Dictionary<string, int> { ["n1"] = 2, ["n2"] = 1, ["n3"] = 0, ["n4"] = 1 };

        Assert.Equal(["n3", "n2"], RolePlacement.Place(2, Nodes, load));
    }

    [Fact]
    public void Place_MoreThanNodes_PlacesOnAll()
    {
        Assert.Equal(["n1", "n2", "n3", "n4"], RolePlacement.Place(8, Nodes, new Dictionary<string, int>()));
    }

    [Fact]
    public void Place_CurrentStillCandidate_Kept()
    {
        var load = new Dictionary<string, int> { ["n4"] = 5 };

        Assert.Equal(["n4", "n1"], RolePlacement.Place(2, Nodes, load, ["n4", "gone"]));
    }

    [Fact]
    public void Place_FewerThanCurrent_MostLoadedDroppedOrderKept()
    {
        var load = new Dictionary<string, int> { ["n1"] = 1, ["n2"] = 3, ["n3"] = 1, ["n4"] = 1 };

        Assert.Equal(["n3", "n1"], RolePlacement.Place(2, Nodes, load, ["n3", "n2", "n1", "n4"]));
    }

    [Fact]
    public void Place_FewerThanCurrentEqualLoad_LaterDropped()
    {
        Assert.Equal(["n2"], RolePlacement.Place(1, Nodes, new Dictionary<string, int>(), ["n2", "n1", "n3"]));
    }

    [Fact]
    public void Place_MoreThanCurrent_KeptThenLeastLoaded()
    {
        var load = new Dictionary<string, int> { ["n1"] = 4, ["n2"] = 2, ["n3"] = 1 };

        Assert.Equal(["n1", "n4", "n3"], RolePlacement.Place(3, Nodes, load, ["n1"]));
    }

    [Fact]
    public void Place_NoCandidates_Empty()
    {
        Assert.Empty(RolePlacement.Place(2, [], new Dictionary<string, int>()));
    }
}
