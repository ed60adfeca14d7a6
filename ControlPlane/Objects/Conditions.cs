namespace MizarNF.ControlPlane.Objects;

/// <summary>Condition types, reasons and helpers.</summary>
public static class Conditions
{
    /// <summary>The object is fully programmed on its nodes.</summary>
    public const string Ready = "Ready";

    /// <summary>Condition status "True".</summary>
    public const string True = "True";

    /// <summary>Condition status "False".</summary>
    public const string False = "False";

    /// <summary>The condition of <paramref name="type"/>, or null.</summary>
    public static Condition? Find(IReadOnlyList<Condition> conditions, string type) =>
        conditions.FirstOrDefault(c => c.Type == type);

    /// <summary>
    /// <paramref name="conditions"/> with the condition of <paramref name="type"/> set; its transition
    /// time changes only when its status does.
    /// </summary>
    public static IReadOnlyList<Condition> Set(IReadOnlyList<Condition> conditions, string type, bool status, string reason, string message, DateTimeOffset now)
    {
        var text = status ? True : False;
        var old = Find(conditions, type);
        var since = old is not null && old.Status == text ? old.LastTransitionTime : now;
        var updated = new Condition(type, text, reason, message, since);
        return [.. conditions.Where(c => c.Type != type), updated];
    }
}
