namespace MizarNF.Cni.Tests.Fixtures;

/// <summary>Small helpers for CNI environments.</summary>
public static class EnvExtensions
{
    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> env, string key, string value) => new(env) { [key] = value };
}
