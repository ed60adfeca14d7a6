using System.Text.Json.Serialization;

namespace MizarNF.ControlPlane.Objects;

/// <summary>An object of one kind: a typed spec and status.</summary>
/// <typeparam name="TSpec">The spec record (value equality).</typeparam>
/// <typeparam name="TStatus">The status record.</typeparam>
public abstract record MizarObject<TSpec, TStatus> : MizarObject
    where TSpec : notnull
    where TStatus : ObjectStatus, new()
{
    /// <summary>What is wanted.</summary>
    [JsonPropertyOrder(-1)]
    public required TSpec Spec { get; init; }

    /// <summary>What the control plane made of it (ignored when applied: the control plane owns it).</summary>
    public TStatus Status { get; init; } = new();

    /// <inheritdoc/>
    [JsonIgnore]
    public sealed override ObjectStatus ObjectStatus => Status;

    /// <inheritdoc/>
    public sealed override bool SpecEquals(MizarObject other) =>
        other is MizarObject<TSpec, TStatus> o && EqualityComparer<TSpec>.Default.Equals(Spec, o.Spec);

    internal sealed override MizarObject WithObjectStatus(ObjectStatus status) => this with { Status = (TStatus)status };

    internal sealed override MizarObject WithoutStatus() => this with { Status = new() };
}
