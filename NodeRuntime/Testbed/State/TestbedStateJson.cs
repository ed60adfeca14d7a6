using System.Text.Json.Serialization;

namespace MizarNF.Testbed;

/// <summary>Source-generated JSON for testbed.json: no reflection, so a trimmed or NativeAOT CLI can use it.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TestbedState))]
internal sealed partial class TestbedStateJson : JsonSerializerContext;
