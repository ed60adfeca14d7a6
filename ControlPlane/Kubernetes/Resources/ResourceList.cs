namespace MizarNF.ControlPlane.Kubernetes.Resources;

/// <summary>The objects of one list call and the resourceVersion to watch from.</summary>
internal sealed record ResourceList<T>(IReadOnlyList<T> Items, string? ResourceVersion);
