namespace MizarNF.Contracts;

/// <summary>
/// A map a function owns. The C declaration lives in the function's header; this tells the
/// framework how big to make it (before load, from configuration) and whether to pin it.
/// </summary>
/// <param name="Name">The map's name in C (at most 15 characters, the kernel's limit).</param>
/// <param name="DefaultMaxEntries">Size used when configuration says nothing.</param>
/// <param name="Pinned">Pinned maps survive daemon restarts and pipeline replacement.</param>
public sealed record MapDescriptor(string Name, uint DefaultMaxEntries, bool Pinned = true);
