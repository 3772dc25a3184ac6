namespace Sightline.Calendar;

/// <summary>A bank holiday: a day on which working-day timescales do not count.</summary>
/// <param name="Date">The date of the holiday (for a substitute day, the day actually taken off).</param>
/// <param name="Title">The title as published, for example "Boxing Day (substitute day)".</param>
public sealed record BankHoliday(DateOnly Date, string Title);
