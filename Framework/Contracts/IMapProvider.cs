namespace MizarNF.Contracts;

/// <summary>Gives a control handler typed access to the maps of the loaded pipeline.</summary>
public interface IMapProvider
{
    /// <summary>The map called <paramref name="name"/>, typed by its key and value structs.</summary>
    IMap<TKey, TValue> Map<TKey, TValue>(string name)
        where TKey : unmanaged
        where TValue : unmanaged;
}
