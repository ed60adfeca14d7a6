using System.Text.RegularExpressions;

namespace MizarNF.ControlPlane.Objects;

/// <summary>Object names: DNS-1123 subdomains (lower-case letters, digits, '-' and '.'), as in Kubernetes.</summary>
public static partial class ObjectNames
{
    /// <summary>
    /// Shorter than Kubernetes' 253: a name is also a file name ("name.json.tmp" must fit the 255
    /// bytes a Linux file name may have).
    /// </summary>
    public const int MaxLength = 200;

    /// <summary>Throws <see cref="ControlPlaneValidationException"/> when <paramref name="name"/> is not a valid name.</summary>
    public static void Validate(string kind, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ControlPlaneValidationException($"{kind}: metadata.name is required");
        }

        if (name.Length > MaxLength || !Pattern().IsMatch(name))
        {
            throw new ControlPlaneValidationException(
                $"{kind} '{name}': not a valid name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most {MaxLength} characters)");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
