namespace MizarNF.Contracts.Control;

/// <summary>What a control request does with the objects it carries.</summary>
public enum ControlOperation
{
    /// <summary>Adds or replaces the objects named.</summary>
    Upsert,

    /// <summary>Removes the objects named (absent ones are fine).</summary>
    Remove,

    /// <summary>Makes the whole state of one kind equal to the objects given: adds, changes and removes.</summary>
    Replace,
}
