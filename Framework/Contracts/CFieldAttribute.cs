namespace MizarNF.Contracts;

/// <summary>Names the C field a C# field mirrors when it is not the snake_case of the C# name.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class CFieldAttribute(string name) : Attribute
{
    /// <summary>The C field's name.</summary>
    public string Name { get; } = name;
}
