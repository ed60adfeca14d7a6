namespace MizarNF.ControlPlane.Objects;

/// <summary>The kinds of objects and their record types, in dependency order.</summary>
public static class ObjectKinds
{
    private static readonly (string Name, Type Type)[] Kinds =
    [
        (Node.KindName, typeof(Node)),
        (Vpc.KindName, typeof(Vpc)),
        (Subnet.KindName, typeof(Subnet)),
        (Endpoint.KindName, typeof(Endpoint)),
        (Service.KindName, typeof(Service)),
    ];

    /// <summary>All kind names, each before the kinds that depend on it: Node, Vpc, Subnet, Endpoint, Service.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Kinds.Select(k => k.Name)];

    /// <summary>The kind name of a record type.</summary>
    public static string NameOf(Type type) =>
        Kinds.FirstOrDefault(k => k.Type == type).Name ?? throw new ArgumentException($"{type.Name} is not a MizarNF object kind", nameof(type));

    /// <summary>The kind name of <typeparamref name="T"/>.</summary>
    public static string NameOf<T>()
        where T : MizarObject => NameOf(typeof(T));

    /// <summary>The record type of a kind name (case-insensitive), or null when there is no such kind.</summary>
    public static Type? TypeOf(string kind) =>
        Kinds.FirstOrDefault(k => string.Equals(k.Name, kind, StringComparison.OrdinalIgnoreCase)).Type;

    /// <summary>The canonical spelling of a kind name (case-insensitive); throws saying which kinds exist.</summary>
    public static string Canonical(string kind) =>
        Kinds.FirstOrDefault(k => string.Equals(k.Name, kind, StringComparison.OrdinalIgnoreCase)).Name
        ?? throw new ControlPlaneValidationException($"unknown kind '{kind}' (kinds: {string.Join(", ", All)})");
}
