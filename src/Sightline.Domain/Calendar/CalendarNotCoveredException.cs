namespace Sightline.Calendar;

/// <summary>
/// Thrown when a working-day calculation needs a year for which the calendar has no bank holidays.
/// </summary>
/// <remarks>
/// Treating an unknown year as having no holidays would give deadlines that are silently wrong, so
/// the calendar refuses instead and says which year's holidays to add.
/// </remarks>
public sealed class CalendarNotCoveredException : InvalidOperationException
{
    /// <summary>Creates the exception for a year outside the calendar's covered range.</summary>
    public CalendarNotCoveredException(int year, int firstYear, int lastYear)
        : base($"The working-day calendar covers {firstYear} to {lastYear} and has no bank holidays for {year}: " +
               $"add the bank holidays for {year} to the configuration.")
    {
        Year = year;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>The year the calculation needed.</summary>
    public int Year { get; }

    /// <summary>The first year the calendar covered.</summary>
    public int FirstYear { get; }

    /// <summary>The last year the calendar covered.</summary>
    public int LastYear { get; }
}
