using System.Reflection;
using System.Text;

namespace Sightline.Oversight;

/// <summary>The timescales a council sets for itself where there is no national figure, with the defaults in
/// the timescales notes. A council may change them; each set applies from a date, so that a figure can be
/// worked out again under the standards in force at the time (<see cref="LocalStandardsHistory"/>). Every
/// setting's name, meaning and allowed values are in <see cref="Settings"/>.</summary>
public sealed record LocalStandards
{
    /// <summary>The first day these standards apply.</summary>
    public DateOnly EffectiveFrom { get; init; } = DateOnly.MinValue;

    /// <summary>A child on a CP plan is visited, and seen, at least every this many working days (default 10).</summary>
    public int CpVisitWorkingDays { get; init; } = 10;

    /// <summary>A child on a CIN plan is visited at least every this many working days (default 20).</summary>
    public int CinVisitWorkingDays { get; init; } = 20;

    /// <summary>A CIN plan is reviewed at least every this many months (default 3).</summary>
    public int CinPlanReviewMonths { get; init; } = 3;

    /// <summary>Core groups after the first meet at least every this many weeks (default 6).</summary>
    public int CoreGroupWeeks { get; init; } = 6;

    /// <summary>How many of a child's most recent CP visits are looked at for "seen alone" (default 3).</summary>
    public int SeenAloneRecentVisits { get; init; } = 3;

    /// <summary>The age from which a child is expected to be seen alone (default 4).</summary>
    public int SeenAloneFromAge { get; init; } = 4;

    /// <summary>A CP plan open this many months needs a senior review (default 18; St Helens 2018).</summary>
    public int LongPlanMonths { get; init; } = 18;

    /// <summary>Children per full-time social worker before a caseload is over the ceiling (default 20), and the warning point (18).</summary>
    public int CaseloadCeiling { get; init; } = 20;
    public int CaseloadWarning { get; init; } = 18;

    /// <summary>Changes of social worker in 12 months that signal churn (default 3; Bury).</summary>
    public int ChurnChanges { get; init; } = 3;

    /// <summary>Pre-proceedings without a review meeting for this many weeks is not being actively reviewed (default 6).</summary>
    public int PreProceedingsReviewWeeks { get; init; } = 6;

    /// <summary>Qualified social workers are supervised at least every this many weeks (default 4).</summary>
    public int SupervisionWeeks { get; init; } = 4;

    /// <summary>A worker in their Assessed and Supported Year in Employment is supervised weekly for this many
    /// weeks from its start (default 6), then fortnightly until <see cref="AsyeFortnightlyMonths"/>, then every
    /// <see cref="SupervisionWeeks"/>.</summary>
    public int AsyeWeeklyWeeks { get; init; } = 6;

    /// <summary>The month of the ASYE, counted from its start, until which supervision is fortnightly (default 6).</summary>
    public int AsyeFortnightlyMonths { get; init; } = 6;

    /// <summary>Each allocated child's case is discussed in supervision at least every this many weeks:
    /// CP and PLO cases (default 4), CIN cases (default 6).</summary>
    public int CaseSupervisionCpWeeks { get; init; } = 4;
    public int CaseSupervisionCinWeeks { get; init; } = 6;

    /// <summary>Audit actions are due within this many working days unless set otherwise (default 20).</summary>
    public int AuditActionWorkingDays { get; init; } = 20;

    /// <summary>Drift: a CIN episode open this many months (default 6) with at least this many re-referrals
    /// (default 2) and no step-up decision.</summary>
    public int DriftMonths { get; init; } = 6;
    public int DriftReReferrals { get; init; } = 2;

    /// <summary>The defaults from the timescales notes.</summary>
    public static LocalStandards Defaults { get; } = new();

    /// <summary>Every setting, in the order they are shown: its name (on the command line, in JSON and in the
    /// database), what it means, its unit, and the largest value a council may set. The upper bounds are
    /// there to catch a slip of the keyboard (100 for 10), not to judge a council's policy.</summary>
    public static IReadOnlyList<LocalStandardSetting> Settings { get; } =
    [
        new(nameof(CpVisitWorkingDays), "A child on a child protection plan is visited, and seen, at least this often.", "working days", 30),
        new(nameof(CinVisitWorkingDays), "A child on a child in need plan is visited at least this often.", "working days", 65),
        new(nameof(CinPlanReviewMonths), "A child in need plan is reviewed at least this often.", "months", 12),
        new(nameof(CoreGroupWeeks), "Core groups after the first meet at least this often.", "weeks", 12),
        new(nameof(SeenAloneRecentVisits), "How many of a child's most recent child protection visits are looked at for \"seen alone\".", "visits", 10),
        new(nameof(SeenAloneFromAge), "The age from which a child on a child protection plan is expected to be seen alone.", "years of age", 17),
        new(nameof(LongPlanMonths), "A child protection plan open this long needs a senior review.", "months", 24),
        new(nameof(CaseloadCeiling), "The most children a full-time social worker should hold.", "children", 50),
        new(nameof(CaseloadWarning), "Children per full-time social worker at which a caseload is close to the ceiling (no higher than the ceiling).", "children", 50),
        new(nameof(ChurnChanges), "Changes of social worker in 12 months that signal churn.", "changes", 12),
        new(nameof(PreProceedingsReviewWeeks), "PLO pre-proceedings have a review meeting at least this often.", "weeks", 16),
        new(nameof(SupervisionWeeks), "A qualified social worker is supervised at least this often.", "weeks", 12),
        new(nameof(AsyeWeeklyWeeks), "A worker in their Assessed and Supported Year in Employment is supervised weekly for this long from its start.", "weeks", 26),
        new(nameof(AsyeFortnightlyMonths), "After the weekly weeks, a worker in their ASYE is supervised fortnightly until this far into it, then as a qualified social worker.", "months", 12),
        new(nameof(CaseSupervisionCpWeeks), "Each child on a child protection plan or in pre-proceedings has their case discussed in supervision at least this often.", "weeks", 12),
        new(nameof(CaseSupervisionCinWeeks), "Each child in need has their case discussed in supervision at least this often.", "weeks", 12),
        new(nameof(AuditActionWorkingDays), "An audit action is due within this time unless the audit sets its own date.", "working days", 130),
        new(nameof(DriftMonths), "A child in need episode open this long, with repeated re-referrals and no step-up, is drifting.", "months", 24),
        new(nameof(DriftReReferrals), "Re-referrals in the last 24 months that, with a long open episode, signal drift.", "re-referrals", 10),
    ];

    /// <summary>The setting called <paramref name="name"/> (<see cref="LocalStandardSetting.Name"/>, any case), or null.</summary>
    public static LocalStandardSetting? Setting(string name) =>
        Settings.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The settings whose value here differs from <paramref name="before"/>, in catalogue order.</summary>
    public IEnumerable<LocalStandardSetting> ChangedFrom(LocalStandards before) => Settings.Where(s => s.Of(before) != s.Of(this));

    private static string NameOf(string property) => Settings.Single(s => s.Property == property).Name;

    /// <summary>What is wrong with these standards, one sentence each; empty when a council may adopt them. Each
    /// setting is a whole number from 1 to its maximum, and the caseload warning is no higher than the ceiling.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = Settings.Where(s => s.Of(this) < s.Minimum || s.Of(this) > s.Maximum)
            .Select(s => $"{s.Name} must be from {s.Minimum} to {s.Maximum} ({s.Unit}), not {s.Of(this)}.")
            .ToList();
        if (CaseloadWarning > CaseloadCeiling)
        {
            problems.Add($"{NameOf(nameof(CaseloadWarning))} ({CaseloadWarning}) must not be above {NameOf(nameof(CaseloadCeiling))} ({CaseloadCeiling}).");
        }

        return problems;
    }
}

/// <summary>One setting of <see cref="LocalStandards"/>, described once: every place that shows, reads or stores
/// a setting (the command line, JSON, the database, the settings page) goes through <see cref="LocalStandards.Settings"/>.</summary>
public sealed class LocalStandardSetting
{
    private readonly PropertyInfo _property;

    internal LocalStandardSetting(string property, string meaning, string unit, int maximum)
    {
        _property = typeof(LocalStandards).GetProperty(property) ?? throw new ArgumentException($"LocalStandards has no property {property}.", nameof(property));
        Name = NameOf(property);
        Meaning = meaning;
        Unit = unit;
        Maximum = maximum;
    }

    /// <summary>The setting's name: the property's words in lower case joined by hyphens (<c>CpVisitWorkingDays</c>
    /// is <c>cp-visit-working-days</c>). The command-line option is this name after <c>--</c>, and the database
    /// stores each value under it.</summary>
    public string Name { get; }

    /// <summary>The <see cref="LocalStandards"/> property it sets.</summary>
    public string Property => _property.Name;

    /// <summary>What the setting means, in a sentence a manager reads; the value is in <see cref="Unit"/>.</summary>
    public string Meaning { get; }

    /// <summary>What the number counts (working days, weeks, months, children, …).</summary>
    public string Unit { get; }

    /// <summary>The smallest value allowed: every setting is a positive whole number.</summary>
    public int Minimum => 1;

    /// <summary>The largest value allowed (inclusive).</summary>
    public int Maximum { get; }

    /// <summary>The value in <see cref="LocalStandards.Defaults"/>.</summary>
    public int Default => Of(LocalStandards.Defaults);

    /// <summary>This setting's value in <paramref name="standards"/>.</summary>
    public int Of(LocalStandards standards) => (int)_property.GetValue(standards)!;

    /// <summary>A copy of <paramref name="standards"/> with this setting set to <paramref name="value"/> (not checked: see <see cref="LocalStandards.Problems"/>).</summary>
    public LocalStandards With(LocalStandards standards, int value)
    {
        var copy = standards with { };
        _property.SetValue(copy, value);
        return copy;
    }

    public override string ToString() => Name;

    private static string NameOf(string property)
    {
        var name = new StringBuilder();
        foreach (var letter in property)
        {
            if (char.IsUpper(letter) && name.Length > 0)
            {
                name.Append('-');
            }

            name.Append(char.ToLowerInvariant(letter));
        }

        return name.ToString();
    }
}

/// <summary>The local standards a council has had over time: the set in force on a date is the latest that
/// took effect on or before it, and the defaults before the council's first.</summary>
public sealed class LocalStandardsHistory
{
    private readonly LocalStandards[] _versions;

    /// <param name="versions">The council's own versions, in any order, at most one taking effect on each date.</param>
    public LocalStandardsHistory(IEnumerable<LocalStandards> versions)
    {
        _versions = versions.OrderBy(v => v.EffectiveFrom).ToArray();
        if (_versions.Select(v => v.EffectiveFrom).Distinct().Count() != _versions.Length)
        {
            throw new ArgumentException("Two versions of the local standards take effect on the same date.", nameof(versions));
        }
    }

    /// <summary>No version of the council's own: the defaults, in force always.</summary>
    public static LocalStandardsHistory Defaults { get; } = new([]);

    /// <summary>The council's own versions, earliest first (empty when it has set none).</summary>
    public IReadOnlyList<LocalStandards> Versions => _versions;

    /// <summary>The standards in force on <paramref name="date"/>: the latest version that took effect on or before
    /// it, or <see cref="LocalStandards.Defaults"/> when none had.</summary>
    public LocalStandards InForceOn(DateOnly date)
    {
        var current = LocalStandards.Defaults;
        foreach (var version in _versions)
        {
            if (version.EffectiveFrom > date)
            {
                break;
            }

            current = version;
        }

        return current;
    }

    /// <summary>A new version taking effect on <paramref name="from"/>, checked: the settings in
    /// <paramref name="changes"/>, and every other setting as in the version in force on that date. So a new date
    /// copies the version before it (or the defaults), and a date that already has a version keeps that version's
    /// other settings, to be replaced by the result. Versions after <paramref name="from"/> are not changed:
    /// each holds every setting.</summary>
    /// <exception cref="ArgumentException">No setting is given, or the result has <see cref="LocalStandards.Problems"/>
    /// (the message names every one, on one line).</exception>
    public LocalStandards NewVersion(DateOnly from, IReadOnlyDictionary<LocalStandardSetting, int> changes)
    {
        if (changes.Count == 0)
        {
            throw new ArgumentException($"Give at least one setting to change, for example {LocalStandards.Settings[0].Name} {LocalStandards.Settings[0].Default}.");
        }

        var version = InForceOn(from) with { EffectiveFrom = from };
        foreach (var (setting, value) in changes)
        {
            version = setting.With(version, value);
        }

        var problems = version.Problems();
        return problems.Count == 0 ? version : throw new ArgumentException(string.Join(" ", problems));
    }
}
