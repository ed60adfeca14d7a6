namespace MizarNF.Contracts;

/// <summary>
/// Marks a C# struct as the mirror of a C struct that BPF code and the control plane share. The
/// layout guard (MizarNF.TestKit.Layout) compiles sizeof/offsetof assertions for every such
/// struct with clang, so the two sides cannot drift.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class CStructAttribute(string name) : Attribute
{
    /// <summary>The C struct's tag (without <c>struct</c>).</summary>
    public string Name { get; } = name;
}
