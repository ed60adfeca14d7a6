using System.Text.Json.Serialization;

namespace MizarNF.ControlPlane.Objects;

/// <summary>
/// A Kubernetes-style object: apiVersion, kind, metadata, spec (what is wanted) and status (what
/// the control plane made of it). Immutable; see <see cref="ObjectJson"/> for (de)serialisation.
/// </summary>
public abstract record MizarObject
{
    /// <summary>The one API version of MizarNF objects.</summary>
    public const string CurrentApiVersion = "mizarnf.io/v1";

    /// <summary>Always <see cref="CurrentApiVersion"/>.</summary>
    [JsonPropertyOrder(-4)]
    public string ApiVersion { get; init; } = CurrentApiVersion;

    /// <summary>The kind, from the record's type (Vpc, Subnet, Endpoint, Node).</summary>
    [JsonPropertyOrder(-3)]
    public string Kind => ObjectKinds.NameOf(GetType());

    /// <summary>Name, uid, generation, timestamps, labels, annotations.</summary>
    [JsonPropertyOrder(-2)]
    public required ObjectMeta Metadata { get; init; }

    /// <summary>Shorthand for <c>Metadata.Name</c>.</summary>
    [JsonIgnore]
    public string Name => Metadata.Name;

    /// <summary>The status, whatever the kind.</summary>
    [JsonIgnore]
    public abstract ObjectStatus ObjectStatus { get; }

    /// <summary>True when the Ready condition is True.</summary>
    [JsonIgnore]
    public bool IsReady => Conditions.Find(ObjectStatus.Conditions, Conditions.Ready)?.Status == Conditions.True;

    /// <summary>True when Ready for the current generation: nothing left to do.</summary>
    [JsonIgnore]
    public bool IsConverged => IsReady && ObjectStatus.ObservedGeneration == Metadata.Generation;

    /// <summary>True when <paramref name="other"/> is of the same kind with an equal spec.</summary>
    public abstract bool SpecEquals(MizarObject other);

    /// <summary>This object with <paramref name="status"/> (of this kind's status type).</summary>
    internal abstract MizarObject WithObjectStatus(ObjectStatus status);

    /// <summary>This object with an empty status.</summary>
    internal abstract MizarObject WithoutStatus();
}
