using System.Globalization;

namespace Sightline.Web;

/// <summary>The three boxes of a GOV.UK date input (day, month, year), read as a date.</summary>
public static class DateInput
{
    /// <summary>The date typed, or null when the boxes do not make a real date from 1900 to 2100 (digits only).</summary>
    public static DateOnly? Parse(string? day, string? month, string? year) =>
        int.TryParse(day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && y is >= 1900 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
}
