using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Store;

/// <summary>Where objects are kept. Each Put and Delete is durable when it returns.</summary>
public interface IObjectStore
{
    /// <summary>All objects of kind <typeparamref name="T"/>, ordered by name.</summary>
    IReadOnlyList<T> List<T>()
        where T : MizarObject;

    /// <summary>All objects of <paramref name="kind"/>, ordered by name.</summary>
    IReadOnlyList<MizarObject> List(string kind);

    /// <summary>The object of kind <typeparamref name="T"/> named <paramref name="name"/>, or null.</summary>
    T? Get<T>(string name)
        where T : MizarObject;

    /// <summary>The object of <paramref name="kind"/> named <paramref name="name"/>, or null.</summary>
    MizarObject? Get(string kind, string name);

    /// <summary>Creates or replaces the object with its kind and name.</summary>
    void Put(MizarObject obj);

    /// <summary>
    /// Replaces an object that a durable <see cref="Put"/> already stored with a version that
    /// reconciliation after a restart would derive again (a status written after the node calls).
    /// A store may make it cheaper: after a crash either version may stand, never a torn one.
    /// </summary>
    void PutRederivable(MizarObject obj) => Put(obj);

    /// <summary>Removes an object; true when it existed.</summary>
    bool Delete(string kind, string name);
}
