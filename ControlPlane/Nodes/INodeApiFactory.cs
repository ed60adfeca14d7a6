namespace MizarNF.ControlPlane.Nodes;

/// <summary>Gives the API of a node object's daemon.</summary>
public interface INodeApiFactory
{
    /// <summary>The API of <paramref name="node"/> (the factory may cache it per node).</summary>
    INodeApi For(Objects.Node node);
}
