namespace MizarNF.Contracts.Control;

/// <summary>One request to a function's control handler.</summary>
/// <param name="Operation">Upsert, remove or replace.</param>
/// <param name="Kind">The kind of object, in the function's terms ("endpoint", "subnet", …).</param>
/// <param name="Json">A JSON array of objects of that kind.</param>
public sealed record ControlRequest(ControlOperation Operation, string Kind, string Json);
