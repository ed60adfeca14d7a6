using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace MizarNF.Bpf.Tests.Interop;

/// <summary>
/// Writes C that <c>_Static_assert</c>s the C# view of shared layouts and constants (sizes,
/// offsets, values) against the C headers, for clang to judge. Fields whose name starts with '_'
/// stand for bitfields or padding and are checked only through their neighbours.
/// </summary>
internal sealed partial class LayoutGuard
{
    private readonly StringBuilder _c = new();

    public LayoutGuard(params string[] includes)
    {
        _c.AppendLine("#define _GNU_SOURCE");
        foreach (var include in (string[])["stddef.h", .. includes])
        {
            _c.Append("#include <").Append(include).AppendLine(">");
        }
    }

    public string Source => _c.ToString();

    /// <summary>sizeof and every field's offsetof; C# field names are the C names, or PascalCase of them.</summary>
    public LayoutGuard Struct(Type type, string cName)
    {
        Assert("sizeof(struct " + cName + ")", Marshal.SizeOf(type));
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var name = BackingField().Match(field.Name) is { Success: true } m ? m.Groups[1].Value : field.Name;
            if (!name.StartsWith('_'))
            {
                Assert($"offsetof(struct {cName}, {ToCName(name, upper: false)})", (long)Marshal.OffsetOf(type, field.Name));
            }
        }

        return this;
    }

    /// <summary>Every member of an enum whose C names are <paramref name="prefix"/> plus the member name in UPPER_SNAKE.</summary>
    public LayoutGuard Enum<TEnum>(string prefix)
        where TEnum : struct, Enum
    {
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            Assert(prefix + ToCName(value.ToString(), upper: true), Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return this;
    }

    /// <summary>Every const field of <paramref name="type"/> named like a C macro, but those in <paramref name="except"/>.</summary>
    public LayoutGuard Constants(Type type, params string[] except)
    {
        foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.IsLiteral && !field.Name.Any(char.IsLower) && !except.Contains(field.Name))
            {
                Assert(field.Name, Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return this;
    }

    public LayoutGuard Assert(string expression, long expected)
    {
        _c.Append("_Static_assert((").Append(expression).Append(") == ").Append(expected)
            .Append(", \"").Append(expression).Append(" is ").Append(expected).AppendLine(" in C#\");");
        return this;
    }

    /// <summary>PascalCase to snake_case (LircMode2 -> lirc_mode2); names already in C style pass through.</summary>
    private static string ToCName(string name, bool upper)
    {
        var snake = name.Contains('_', StringComparison.Ordinal) || name.All(c => !char.IsUpper(c))
            ? name
            : PascalBoundary().Replace(name, "$1_$2");
        return upper ? snake.ToUpperInvariant() : snake.ToLowerInvariant();
    }

    [GeneratedRegex("^<(.+)>k__BackingField$")]
    private static partial Regex BackingField();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex PascalBoundary();
}
