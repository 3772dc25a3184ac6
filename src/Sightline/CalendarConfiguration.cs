using System.Globalization;
using Sightline.Calendar;

namespace Sightline.Cli;

/// <summary>The working-day calendar in force: England and Wales bank holidays built in (2015–2027), extended
/// by a council for later years with a CSV file of <c>date,title</c> rows (the gov.uk layout), named by the
/// <c>SIGHTLINE_BANK_HOLIDAYS</c> environment variable or placed as <c>bank-holidays.csv</c> in Sightline's
/// data folder.</summary>
public static class CalendarConfiguration
{
    public const string EnvironmentVariable = "SIGHTLINE_BANK_HOLIDAYS";

    /// <summary>The calendar with any configured bank holidays added.</summary>
    public static WorkingDayCalendar Load(string dataFolder)
    {
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(dataFolder, "bank-holidays.csv");
            if (!File.Exists(path))
            {
                return WorkingDayCalendar.England;
            }
        }
        else if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{EnvironmentVariable} names {path}, which does not exist.", path);
        }

        return WorkingDayCalendar.England.WithBankHolidays(Read(path));
    }

    /// <summary>Reads <c>date,title</c> rows (a header row is allowed); a bad row is an error naming its line.</summary>
    public static IReadOnlyList<BankHoliday> Read(string path)
    {
        var holidays = new List<BankHoliday>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text) || (line == 1 && text.StartsWith("date", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var comma = text.IndexOf(',');
            var dateText = (comma < 0 ? text : text[..comma]).Trim();
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"{Path.GetFileName(path)}, line {line}: '{dateText}' is not a date written YYYY-MM-DD.");
            }

            holidays.Add(new BankHoliday(date, comma < 0 ? "Bank holiday" : text[(comma + 1)..].Trim().Trim('"')));
        }

        return holidays;
    }
}
