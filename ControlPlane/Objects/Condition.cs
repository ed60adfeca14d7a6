namespace MizarNF.ControlPlane.Objects;

/// <summary>One observation about an object, as in Kubernetes (e.g. Ready=False, NodeUnreachable).</summary>
/// <param name="Type">What is observed, e.g. <see cref="Conditions.Ready"/>.</param>
/// <param name="Status">"True", "False" or "Unknown".</param>
/// <param name="Reason">A CamelCase word for machines, e.g. "NodeUnreachable".</param>
/// <param name="Message">Why, for people.</param>
/// <param name="LastTransitionTime">When <paramref name="Status"/> last changed.</param>
public sealed record Condition(string Type, string Status, string Reason, string Message, DateTimeOffset LastTransitionTime);
