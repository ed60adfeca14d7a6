namespace MizarNF.Bpf;

/// <summary>What a typed map checks its key and value types against.</summary>
internal sealed record MapInfo(string Name, BpfMapType Type, uint KeySize, uint ValueSize, uint MaxEntries);
