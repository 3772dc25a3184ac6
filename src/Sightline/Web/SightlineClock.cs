namespace Sightline.Web;

/// <summary>Today's date for the pages: the date in England, or a fixed date given to <c>sightline serve --today</c>
/// (a demonstration council judged as at its last day, or the browser tests). Only the date is fixed: sessions and
/// the access log keep the real time.</summary>
public sealed class SightlineClock(TimeProvider time, DateOnly? fixedToday)
{
    private static readonly TimeZoneInfo England = FindEngland();

    public DateOnly Today => fixedToday ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), England).DateTime);

    /// <summary>Whether today is fixed rather than the calendar's.</summary>
    public bool IsFixed => fixedToday is not null;

    private static TimeZoneInfo FindEngland()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
