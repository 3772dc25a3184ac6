using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Formats.AnnexA;

/// <summary>How a cell's text matched a code set.</summary>
public enum AnnexACodeMatchKind
{
    /// <summary>A spelling of one of the set's canonical values.</summary>
    Value,

    /// <summary>A spelling councils use for "not recorded" (for example <c>-</c> or <c>No data</c>): read as a blank cell.</summary>
    Blank,

    /// <summary>A spelling councils' systems write for a code that is not valid in Annex A (for example a retired
    /// code or <c>#MULTIVALUE</c>): reported, never stored.</summary>
    KnownError,

    /// <summary>Not a spelling Sightline knows: reported, never guessed.</summary>
    Unknown,
}

/// <summary>The values one Annex A coded column may take, in Ofsted's order and canonical spelling (for
/// example <c>a) Male</c>), with every spelling councils are known to use for each.</summary>
public sealed class AnnexACodeSet
{
    /// <summary>Marks, in <see cref="AnnexAVariants"/>, the spellings that mean "not recorded".</summary>
    internal const string Blank = "<blank>";

    /// <summary>Marks, in <see cref="AnnexAVariants"/>, the spellings that are known errors.</summary>
    internal const string Error = "<error>";

    private readonly Dictionary<string, string> _byVariant = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<(Regex Pattern, string Value)> _patterns;

    /// <param name="name">What the set codes, for messages.</param>
    /// <param name="groups">Each canonical value (or <see cref="Blank"/>, <see cref="Error"/>) followed by its spellings.</param>
    /// <param name="patterns">Shapes of spelling matched after the exact spellings, in order.</param>
    internal AnnexACodeSet(string name, string[][] groups, params (string Pattern, string Value)[] patterns)
    {
        Name = name;
        Values = groups.Select(g => g[0]).Where(v => v is not Blank and not Error).ToArray();
        foreach (var group in groups)
        {
            foreach (var spelling in group)
            {
                // The first spelling wins: the generator has already settled the YAML's contradictions.
                _byVariant.TryAdd(Normalise(spelling), group[0]);
            }
        }

        _patterns = patterns.Select(p => (new Regex(p.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), p.Value)).ToArray();
    }

    public string Name { get; }

    /// <summary>The canonical values, in Ofsted's order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Every known spelling (normalised) with the canonical value, <see cref="Blank"/> or <see cref="Error"/> it stands for.</summary>
    internal IReadOnlyDictionary<string, string> Variants => _byVariant;

    /// <summary>Reads a cell's text: its canonical value, or why it has none.</summary>
    public (AnnexACodeMatchKind Kind, string? Value) Match(string text)
    {
        var key = Normalise(text);
        if (key.Length == 0)
        {
            return (AnnexACodeMatchKind.Blank, null);
        }

        if (!_byVariant.TryGetValue(key, out var value))
        {
            value = _patterns.FirstOrDefault(p => p.Pattern.IsMatch(key)).Value;
        }

        return value switch
        {
            null => (AnnexACodeMatchKind.Unknown, null),
            Blank => (AnnexACodeMatchKind.Blank, null),
            Error => (AnnexACodeMatchKind.KnownError, null),
            _ => (AnnexACodeMatchKind.Value, value),
        };
    }

    /// <summary>The form spellings are compared in: trimmed, runs of white space as one space, straight quotes,
    /// lower case. "a) Male", " A)  male " and "a) MALE" are the same spelling.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }
}
