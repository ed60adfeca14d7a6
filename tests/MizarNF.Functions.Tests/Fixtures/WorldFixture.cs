using MizarNF.TestKit.DataPlane;

namespace MizarNF.Functions.Tests.Fixtures;

/// <summary>One <see cref="DataPlaneWorld"/> (plugins loaded once) for the whole test run.</summary>
public sealed class WorldFixture
{
    public DataPlaneWorld World { get; } = new();
}

[CollectionDefinition(Name)]
public sealed class WorldCollection : ICollectionFixture<WorldFixture>
{
    public const string Name = "data plane world";
}
