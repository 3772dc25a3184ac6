using Sightline.Calendar;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Cli.Generation;

/// <summary>A deterministic synthetic council over six years: the same size, seed and end date always give
/// the same council, record for record. It writes straight into a database, or streams its children to
/// anything that reads them (the CIN census writer).</summary>
public sealed class CouncilGenerator
{
    /// <summary>The default last day of the six years. Fixed rather than today so that a seed always gives
    /// the same council.</summary>
    public static readonly DateOnly DefaultEnd = new(2026, 10, 31);

    /// <summary>The synthetic council's local authority code: no real council has it.</summary>
    public const string CouncilCode = "999";

    private readonly int _seed;
    private readonly Ids _ids = new();
    private readonly Workforce _workforce;
    private readonly Journeys _journeys;

    /// <param name="size">How many children (unless <paramref name="children"/> says).</param>
    /// <param name="seed">The same seed always gives the same council.</param>
    /// <param name="end">The last day of the six years; <see cref="DefaultEnd"/> if null.</param>
    /// <param name="children">Exactly this many children, instead of the size's number.</param>
    /// <param name="calendar">The working-day calendar; England and Wales by default.</param>
    public CouncilGenerator(CouncilSize size, int seed, DateOnly? end = null, int? children = null, WorkingDayCalendar? calendar = null)
    {
        calendar ??= WorkingDayCalendar.England;
        End = end ?? DefaultEnd;

        // Timescales run up to a year past the last day, so that year's bank holidays must be known; and the
        // history starts no earlier than the calendar does, so a council ending before 2021 has under six years.
        if (End.Year + 1 > calendar.LastYear || End.Year < calendar.FirstYear + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"The last day must fall between {calendar.FirstYear + 1}-01-01 and {calendar.LastYear - 1}-12-31: " +
                                                               $"bank holidays are known for {calendar.FirstYear}–{calendar.LastYear}.");
        }

        var sixYearsBack = End.AddYears(-6).AddDays(1);
        var calendarStart = new DateOnly(calendar.FirstYear, 1, 1);
        Start = sixYearsBack < calendarStart ? calendarStart : sixYearsBack;

        Size = size;
        ChildCount = children ?? CouncilSizes.Children(size);
        _seed = seed;
        _workforce = new Workforce(ChildCount, Start, End, new Random(seed), _ids, seed);
        _journeys = new Journeys(new Random(unchecked(seed * 31 + 1)), _ids, _workforce, calendar, Start, End);
    }

    public CouncilSize Size { get; }
    public int ChildCount { get; }

    /// <summary>The first day of the six years.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the six years: nothing is dated after it.</summary>
    public DateOnly End { get; }

    /// <summary>The children, one at a time, each with their whole journey. Enumerate once.</summary>
    public IEnumerable<Child> Children()
    {
        var arrivals = new Random(unchecked(_seed * 31 + 2));
        var days = End.DayNumber - Start.DayNumber + 1;
        for (var i = 0; i < ChildCount; i++)
        {
            yield return _journeys.Next(Start.AddDays(arrivals.Next(0, days)));
        }
    }

    /// <summary>Generates the council into an empty database (migrated first), in one transaction.</summary>
    /// <returns>The number of rows written per table.</returns>
    public IReadOnlyDictionary<string, long> WriteTo(SightlineDatabase database, Action<string, int, int>? progress = null)
    {
        database.Migrate();
        using var db = database.Open();
        if (db.Children.Any() || db.Workers.Any())
        {
            throw new InvalidOperationException($"The {database.Describe()} already holds a council. Use --replace to generate a new one in its place.");
        }

        using var loader = new BulkLoader(db);
        _workforce.Services.ForEach(loader.Add);
        _workforce.Teams.ForEach(loader.Add);
        _workforce.Workers.ForEach(loader.Add);
        _workforce.Absences.ForEach(loader.Add);

        var written = 0;
        var referralsInLastYear = 0;
        foreach (var child in Children())
        {
            loader.AddJourney(child);
            referralsInLastYear += child.CinEpisodes.Count(e => e.ReferralDate > End.AddYears(-1));
            if (++written % 1_000 == 0 || written == ChildCount)
            {
                progress?.Invoke("Children", written, ChildCount);
            }
        }

        var supervision = new Supervision(new Random(unchecked(_seed * 31 + 3)), _ids, _workforce, Start, End);
        var workers = 0;
        foreach (var session in supervision.Sessions(_journeys.Allocations))
        {
            loader.Add(session);
            session.ChildrenDiscussed.ForEach(loader.Add);
            session.Actions.ForEach(loader.Add);
            if (++workers % 10_000 == 0)
            {
                progress?.Invoke("Supervision sessions", workers, workers);
            }
        }

        loader.Add(new Council
        {
            Id = 1,
            Code = CouncilCode,
            Name = $"Synthetic council ({Size.ToString().ToLowerInvariant()}, seed {_seed})",
            ChildPopulation = (int)Math.Round(referralsInLastYear / Rates.ReferralsPerChildPerYear / 100) * 100,
        });
        progress?.Invoke("Saving", 0, 1);
        loader.Complete();
        progress?.Invoke("Saving", 1, 1);
        return loader.RowsWritten;
    }
}
