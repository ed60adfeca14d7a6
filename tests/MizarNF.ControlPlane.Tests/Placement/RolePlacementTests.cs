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
    public void Place_NoCandidates_Empty()
    {
        Assert.Empty(RolePlacement.Place(2, [], new Dictionary<string, int>()));
    }
}
