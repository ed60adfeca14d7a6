using System.Text.RegularExpressions;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;

namespace MizarNF.Composer.Plugins;

/// <summary>Checks a function's descriptor before anything is rendered from it.</summary>
public static partial class DescriptorValidator
{
    /// <summary>The kernel's limit on a map name (BPF_OBJ_NAME_LEN - 1).</summary>
    public const int MaxMapNameLength = 15;

    /// <summary>Throws a <see cref="PipelineBuildException"/> naming the plugin when its descriptor is unusable.</summary>
    public static void Validate(LoadedFunction function)
    {
        var d = function.Descriptor;
        void Fail(string message) => throw new PipelineBuildException(BuildStage.Plugin, d.Name, null, null, message);

        if (!NameRegex().IsMatch(d.Name))
        {
            Fail("function names are letters and digits, starting with a letter");
        }

        foreach (var s in d.Segments)
        {
            if (!CIdentifierRegex().IsMatch(s.EntryFunction))
            {
                Fail($"segment entry '{s.EntryFunction}' is not a C identifier");
            }

            if (!File.Exists(function.Resolve(s.Template)))
            {
                Fail($"segment template '{s.Template}' not found in {function.Directory}");
            }
        }

        foreach (var m in d.Maps)
        {
            if (m.Name.Length is 0 or > MaxMapNameLength)
            {
                Fail($"map name '{m.Name}' must have 1 to {MaxMapNameLength} characters (the kernel's limit)");
            }

            if (m.DefaultMaxEntries == 0)
            {
                Fail($"map '{m.Name}' needs at least one entry");
            }
        }

        foreach (var r in d.DropReasons)
        {
            if (r.Code < 128)
            {
                Fail($"drop reason {r.Name} uses code {r.Code}; codes below 128 are the framework's");
            }
        }

        var dupReason = d.DropReasons.GroupBy(r => r.Code).FirstOrDefault(g => g.Count() > 1);
        if (dupReason is not null)
        {
            Fail($"drop reason code {dupReason.Key} is defined twice");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,31}$")]
    private static partial Regex NameRegex();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex CIdentifierRegex();
}
