namespace Sightline.Oversight;

/// <summary>The timescales a council sets for itself where there is no national figure, with the defaults in
/// the timescales notes. A council may change them; each set applies from a date, so that a figure can be
/// worked out again under the standards in force at the time (<see cref="LocalStandardsHistory"/>).</summary>
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

    /// <summary>Team managers and those above them are supervised at least every this many weeks; 0 (the default)
    /// leaves managers' supervision unmeasured, because the timescales set a frequency for social workers only.</summary>
    public int ManagerSupervisionWeeks { get; init; }

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
}

/// <summary>The local standards a council has had over time: the set in force on a date is the latest that
/// took effect on or before it.</summary>
public sealed class LocalStandardsHistory
{
    private readonly LocalStandards[] _versions;

    public LocalStandardsHistory(IEnumerable<LocalStandards> versions)
    {
        _versions = versions.OrderBy(v => v.EffectiveFrom).ToArray();
        if (_versions.Length == 0)
        {
            _versions = [LocalStandards.Defaults];
        }
    }

    /// <summary>Only the defaults, in force always.</summary>
    public static LocalStandardsHistory Defaults { get; } = new([LocalStandards.Defaults]);

    public IReadOnlyList<LocalStandards> Versions => _versions;

    /// <summary>The standards in force on <paramref name="date"/>; before the first version, the first version.</summary>
    public LocalStandards InForceOn(DateOnly date)
    {
        var current = _versions[0];
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
}
