using System.Text.RegularExpressions;
using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Tests.Fixtures;

namespace MizarNF.Composer.Tests.Pipeline;

public sealed partial class DropReasonTests
{
    [Fact]
    public void DropReason_CSharpEnum_MatchesCHeaderCodeForCode()
    {
        var header = File.ReadAllText(Path.Combine(RepoPaths.BpfTemplates, "include", "mnf", "drop_reasons.h"));
        var c = EntryRegex().Matches(header)
            .Where(m => m.Groups["name"].Value != "MAX_FRAMEWORK")
            .ToDictionary(m => m.Groups["name"].Value.Replace("_", string.Empty, StringComparison.Ordinal), m => int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
        var cs = Enum.GetValues<DropReason>().ToDictionary(r => r.ToString(), r => (int)r, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(c.OrderBy(k => k.Value).Select(k => (k.Key.ToUpperInvariant(), k.Value)), cs.OrderBy(k => k.Value).Select(k => (k.Key.ToUpperInvariant(), k.Value)));
    }

    [GeneratedRegex(@"MNF_DROP_(?<name>[A-Z0-9_]+)\s*=\s*(?<code>\d+)")]
    private static partial Regex EntryRegex();
}
