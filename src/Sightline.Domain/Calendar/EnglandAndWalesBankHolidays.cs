namespace Sightline.Calendar;

/// <summary>
/// The bank holidays in England and Wales from 2015 to 2027, including substitute days and the
/// one-off holidays of 2020, 2022 and 2023.
/// </summary>
/// <remarks>
/// Source: GOV.UK, "UK bank holidays" (https://www.gov.uk/bank-holidays, the "england-and-wales"
/// division of https://www.gov.uk/bank-holidays.json). Contains public sector information licensed
/// under the Open Government Licence v3.0. The list is held in code so the product never depends on
/// a file or the network at run time; councils add later years by configuration
/// (<see cref="WorkingDayCalendar.WithBankHolidays"/>).
/// </remarks>
public static class EnglandAndWalesBankHolidays
{
    /// <summary>The first year the list covers in full.</summary>
    public const int FirstYear = 2015;

    /// <summary>The last year the list covers in full.</summary>
    public const int LastYear = 2027;

    /// <summary>Every bank holiday from <see cref="FirstYear"/> to <see cref="LastYear"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> All { get; } = Array.AsReadOnly<BankHoliday>(
    [
        Holiday(2015, 1, 1, "New Year's Day"),
        Holiday(2015, 4, 3, "Good Friday"),
        Holiday(2015, 4, 6, "Easter Monday"),
        Holiday(2015, 5, 4, "Early May bank holiday"),
        Holiday(2015, 5, 25, "Spring bank holiday"),
        Holiday(2015, 8, 31, "Summer bank holiday"),
        Holiday(2015, 12, 25, "Christmas Day"),
        Holiday(2015, 12, 28, "Boxing Day (substitute day)"),

        Holiday(2016, 1, 1, "New Year's Day"),
        Holiday(2016, 3, 25, "Good Friday"),
        Holiday(2016, 3, 28, "Easter Monday"),
        Holiday(2016, 5, 2, "Early May bank holiday"),
        Holiday(2016, 5, 30, "Spring bank holiday"),
        Holiday(2016, 8, 29, "Summer bank holiday"),
        Holiday(2016, 12, 26, "Boxing Day"),
        Holiday(2016, 12, 27, "Christmas Day (substitute day)"),

        Holiday(2017, 1, 2, "New Year's Day (substitute day)"),
        Holiday(2017, 4, 14, "Good Friday"),
        Holiday(2017, 4, 17, "Easter Monday"),
        Holiday(2017, 5, 1, "Early May bank holiday"),
        Holiday(2017, 5, 29, "Spring bank holiday"),
        Holiday(2017, 8, 28, "Summer bank holiday"),
        Holiday(2017, 12, 25, "Christmas Day"),
        Holiday(2017, 12, 26, "Boxing Day"),

        Holiday(2018, 1, 1, "New Year's Day"),
        Holiday(2018, 3, 30, "Good Friday"),
        Holiday(2018, 4, 2, "Easter Monday"),
        Holiday(2018, 5, 7, "Early May bank holiday"),
        Holiday(2018, 5, 28, "Spring bank holiday"),
        Holiday(2018, 8, 27, "Summer bank holiday"),
        Holiday(2018, 12, 25, "Christmas Day"),
        Holiday(2018, 12, 26, "Boxing Day"),

        Holiday(2019, 1, 1, "New Year's Day"),
        Holiday(2019, 4, 19, "Good Friday"),
        Holiday(2019, 4, 22, "Easter Monday"),
        Holiday(2019, 5, 6, "Early May bank holiday"),
        Holiday(2019, 5, 27, "Spring bank holiday"),
        Holiday(2019, 8, 26, "Summer bank holiday"),
        Holiday(2019, 12, 25, "Christmas Day"),
        Holiday(2019, 12, 26, "Boxing Day"),

        Holiday(2020, 1, 1, "New Year's Day"),
        Holiday(2020, 4, 10, "Good Friday"),
        Holiday(2020, 4, 13, "Easter Monday"),
        Holiday(2020, 5, 8, "Early May bank holiday (VE day)"),
        Holiday(2020, 5, 25, "Spring bank holiday"),
        Holiday(2020, 8, 31, "Summer bank holiday"),
        Holiday(2020, 12, 25, "Christmas Day"),
        Holiday(2020, 12, 28, "Boxing Day (substitute day)"),

        Holiday(2021, 1, 1, "New Year's Day"),
        Holiday(2021, 4, 2, "Good Friday"),
        Holiday(2021, 4, 5, "Easter Monday"),
        Holiday(2021, 5, 3, "Early May bank holiday"),
        Holiday(2021, 5, 31, "Spring bank holiday"),
        Holiday(2021, 8, 30, "Summer bank holiday"),
        Holiday(2021, 12, 27, "Christmas Day (substitute day)"),
        Holiday(2021, 12, 28, "Boxing Day (substitute day)"),

        Holiday(2022, 1, 3, "New Year's Day (substitute day)"),
        Holiday(2022, 4, 15, "Good Friday"),
        Holiday(2022, 4, 18, "Easter Monday"),
        Holiday(2022, 5, 2, "Early May bank holiday"),
        Holiday(2022, 6, 2, "Spring bank holiday"),
        Holiday(2022, 6, 3, "Platinum Jubilee bank holiday"),
        Holiday(2022, 8, 29, "Summer bank holiday"),
        Holiday(2022, 9, 19, "State Funeral of Queen Elizabeth II"),
        Holiday(2022, 12, 26, "Boxing Day"),
        Holiday(2022, 12, 27, "Christmas Day (substitute day)"),

        Holiday(2023, 1, 2, "New Year's Day (substitute day)"),
        Holiday(2023, 4, 7, "Good Friday"),
        Holiday(2023, 4, 10, "Easter Monday"),
        Holiday(2023, 5, 1, "Early May bank holiday"),
        Holiday(2023, 5, 8, "Bank holiday for the coronation of King Charles III"),
        Holiday(2023, 5, 29, "Spring bank holiday"),
        Holiday(2023, 8, 28, "Summer bank holiday"),
        Holiday(2023, 12, 25, "Christmas Day"),
        Holiday(2023, 12, 26, "Boxing Day"),

        Holiday(2024, 1, 1, "New Year's Day"),
        Holiday(2024, 3, 29, "Good Friday"),
        Holiday(2024, 4, 1, "Easter Monday"),
        Holiday(2024, 5, 6, "Early May bank holiday"),
        Holiday(2024, 5, 27, "Spring bank holiday"),
        Holiday(2024, 8, 26, "Summer bank holiday"),
        Holiday(2024, 12, 25, "Christmas Day"),
        Holiday(2024, 12, 26, "Boxing Day"),

        Holiday(2025, 1, 1, "New Year's Day"),
        Holiday(2025, 4, 18, "Good Friday"),
        Holiday(2025, 4, 21, "Easter Monday"),
        Holiday(2025, 5, 5, "Early May bank holiday"),
        Holiday(2025, 5, 26, "Spring bank holiday"),
        Holiday(2025, 8, 25, "Summer bank holiday"),
        Holiday(2025, 12, 25, "Christmas Day"),
        Holiday(2025, 12, 26, "Boxing Day"),

        Holiday(2026, 1, 1, "New Year's Day"),
        Holiday(2026, 4, 3, "Good Friday"),
        Holiday(2026, 4, 6, "Easter Monday"),
        Holiday(2026, 5, 4, "Early May bank holiday"),
        Holiday(2026, 5, 25, "Spring bank holiday"),
        Holiday(2026, 8, 31, "Summer bank holiday"),
        Holiday(2026, 12, 25, "Christmas Day"),
        Holiday(2026, 12, 28, "Boxing Day (substitute day)"),

        Holiday(2027, 1, 1, "New Year's Day"),
        Holiday(2027, 3, 26, "Good Friday"),
        Holiday(2027, 3, 29, "Easter Monday"),
        Holiday(2027, 5, 3, "Early May bank holiday"),
        Holiday(2027, 5, 31, "Spring bank holiday"),
        Holiday(2027, 8, 30, "Summer bank holiday"),
        Holiday(2027, 12, 27, "Christmas Day (substitute day)"),
        Holiday(2027, 12, 28, "Boxing Day (substitute day)"),
    ]);

    private static BankHoliday Holiday(int year, int month, int day, string title) =>
        new(new DateOnly(year, month, day), title);
}
