using System.Text.RegularExpressions;

namespace MizarNF.Composer.Pipeline;

/// <summary>Names framework drop reasons the way C and the functions do (UPPER_SNAKE).</summary>
public static partial class DropReasonExtensions
{
    /// <summary><c>GeneveOptCritical</c> → <c>GENEVE_OPT_CRITICAL</c>.</summary>
    public static string ReasonName(this DropReason reason) =>
        WordStart().Replace(reason.ToString(), "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
