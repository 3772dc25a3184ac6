using System.Globalization;
using Sightline.Calendar;

namespace Sightline.Domain.Tests.Calendar;

public class EnglandAndWalesBankHolidaysTests
{
    private const string CsvPathFromSharedFolder = "data/calendar/england-and-wales-bank-holidays.csv";

    [Fact]
    public void BuiltInListIsExactlyThePublishedGovUkList()
    {
        var expected = ReadPublishedList();

        EnglandAndWalesBankHolidays.All.Should().Equal(expected);
    }

    [Fact]
    public void ListCoversEveryYearFrom2015To2027WithAtLeastEightHolidaysEach()
    {
        EnglandAndWalesBankHolidays.FirstYear.Should().Be(2015);
        EnglandAndWalesBankHolidays.LastYear.Should().Be(2027);
        EnglandAndWalesBankHolidays.All.GroupBy(holiday => holiday.Date.Year)
            .Should().HaveCount(13)
            .And.OnlyContain(year => year.Count() >= 8 && year.Key >= 2015 && year.Key <= 2027);
    }

    [Fact]
    public void ListIsInDateOrderWithoutDuplicates()
    {
        EnglandAndWalesBankHolidays.All.Select(holiday => holiday.Date)
            .Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void ListCannotBeChangedByCastingItBack()
    {
        EnglandAndWalesBankHolidays.All.Should().NotBeAssignableTo<BankHoliday[]>();
        EnglandAndWalesBankHolidays.All.Should().NotBeAssignableTo<List<BankHoliday>>();
    }

    private static List<BankHoliday> ReadPublishedList()
    {
        var path = Sightline.Testing.SharedData.Path(CsvPathFromSharedFolder.Split('/'));
        File.Exists(path).Should().BeTrue(
            $"the published bank holiday list is the oracle for this test and should be at {path}; " +
            "restore the shared folder beside the repository rather than skipping this test");

        var lines = File.ReadAllLines(path);
        lines[0].Should().Be("date,title");
        return lines.Skip(1)
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                var comma = line.IndexOf(',');
                var date = DateOnly.ParseExact(line[..comma], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return new BankHoliday(date, line[(comma + 1)..]);
            })
            .ToList();
    }
}
