using Sightline.Oversight;

namespace Sightline.Model;

/// <summary>One version of a council's local standards, as stored: the value of every setting, the first day it is
/// in force, and when and by whom it was recorded. A council's versions together are its
/// <see cref="LocalStandardsHistory"/>; one version per council takes effect on any date.</summary>
public sealed class LocalStandardsVersion
{
    public int Id { get; set; }
    public int CouncilId { get; set; }

    /// <summary>The first day this version is in force; it stays in force until the day before the council's next version.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>When the version was recorded (or last replaced), in UTC.</summary>
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Who recorded it, and through what (for example <c>jsmith, sightline standards set</c>).</summary>
    public required string RecordedBy { get; set; }

    /// <summary>Every setting's value, one row a setting.</summary>
    public List<LocalStandardValue> Values { get; set; } = [];

    /// <summary>The standards this version holds. A setting with no stored value (one added to Sightline after the
    /// version was recorded) has its default; a stored name Sightline no longer knows is ignored.</summary>
    public LocalStandards ToStandards()
    {
        var standards = LocalStandards.Defaults with { EffectiveFrom = EffectiveFrom };
        foreach (var value in Values)
        {
            if (LocalStandards.Setting(value.Setting) is { } setting)
            {
                standards = setting.With(standards, value.Value);
            }
        }

        return standards;
    }
}

/// <summary>One setting's value in a <see cref="LocalStandardsVersion"/>.</summary>
public sealed class LocalStandardValue
{
    public int Id { get; set; }
    public int LocalStandardsVersionId { get; set; }

    /// <summary>The setting's name (<see cref="LocalStandardSetting.Name"/>, for example <c>cp-visit-working-days</c>).</summary>
    public required string Setting { get; set; }

    public int Value { get; set; }
}
