using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Oversight;

namespace Sightline.Storage;

/// <summary>What setting a version of the local standards did: the standards in force on its date before, and after.</summary>
/// <param name="Before">The standards in force on the date before the change (the defaults when the council had none).</param>
/// <param name="After">The version as saved.</param>
/// <param name="Replaced">Whether a version taking effect on the same date was replaced, rather than a new one added.</param>
public sealed record LocalStandardsChange(LocalStandards Before, LocalStandards After, bool Replaced)
{
    /// <summary>The settings whose value differs between <see cref="Before"/> and <see cref="After"/>, in catalogue order.</summary>
    public IEnumerable<LocalStandardSetting> Changed => After.ChangedFrom(Before);
}

/// <summary>A council's local standards in the database, version by version: reading them, and recording a version.
/// The command line and the settings page both record versions through <see cref="Set"/>, so the checks and the
/// copying of settings not given happen in one place (<see cref="LocalStandardsHistory.NewVersion"/>).</summary>
public static class LocalStandardsStore
{
    /// <summary>The longest <see cref="LocalStandardsVersion.RecordedBy"/> kept.</summary>
    public const int MaxRecordedByLength = 200;

    /// <summary>The council's versions, earliest first, each with its values; empty when the database holds no
    /// council or the council has recorded none.</summary>
    public static List<LocalStandardsVersion> Versions(SightlineDbContext db)
    {
        var council = db.Councils.AsNoTracking().OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefault();
        return council is null
            ? []
            : db.LocalStandardsVersions.AsNoTracking().Include(v => v.Values).Where(v => v.CouncilId == council).OrderBy(v => v.EffectiveFrom).ToList();
    }

    /// <summary>The council's local standards over time (only the defaults when it has recorded none).</summary>
    public static LocalStandardsHistory History(SightlineDbContext db) => new(Versions(db).Select(v => v.ToStandards()));

    /// <summary>Records a version of the council's local standards taking effect on <paramref name="from"/>: the
    /// settings in <paramref name="changes"/>, and every other setting as in the version in force on that date.
    /// When a version already takes effect on that date it is replaced (its other settings kept); otherwise one
    /// is added. Later versions are left as they are.</summary>
    /// <param name="db">The council's database.</param>
    /// <param name="from">The first day the version is in force.</param>
    /// <param name="changes">The settings to set, each to its value.</param>
    /// <param name="recordedBy">Who is recording it and through what (cut to <see cref="MaxRecordedByLength"/> characters).</param>
    /// <param name="recordedAtUtc">When, in UTC: the caller's clock.</param>
    /// <exception cref="ArgumentException">No setting is given, or a value is not allowed (see <see cref="LocalStandards.Problems"/>); nothing is saved.</exception>
    /// <exception cref="InvalidOperationException">The database holds no council; nothing is saved.</exception>
    public static LocalStandardsChange Set(SightlineDbContext db, DateOnly from, IReadOnlyDictionary<LocalStandardSetting, int> changes, string recordedBy, DateTime recordedAtUtc)
    {
        var council = db.Councils.AsNoTracking().OrderBy(c => c.Id).FirstOrDefault()
            ?? throw new InvalidOperationException("The database holds no council yet, so there are no local standards to set: load the council's CIN census (or generate a council) first.");
        var history = History(db);
        var before = history.InForceOn(from);
        var after = history.NewVersion(from, changes);

        var version = db.LocalStandardsVersions.Include(v => v.Values).SingleOrDefault(v => v.CouncilId == council.Id && v.EffectiveFrom == from);
        var replaced = version is not null;
        if (version is null)
        {
            version = new LocalStandardsVersion { CouncilId = council.Id, EffectiveFrom = from, RecordedBy = "" };
            db.LocalStandardsVersions.Add(version);
        }

        version.RecordedBy = recordedBy.Length > MaxRecordedByLength ? recordedBy[..MaxRecordedByLength] : recordedBy;
        version.RecordedAtUtc = DateTime.SpecifyKind(recordedAtUtc, DateTimeKind.Utc);
        foreach (var setting in LocalStandards.Settings)
        {
            var stored = version.Values.Find(v => v.Setting == setting.Name);
            if (stored is null)
            {
                version.Values.Add(new LocalStandardValue { Setting = setting.Name, Value = setting.Of(after) });
            }
            else
            {
                stored.Value = setting.Of(after);
            }
        }

        db.SaveChanges();
        return new LocalStandardsChange(before, after, replaced);
    }
}
