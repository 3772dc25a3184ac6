using System.Globalization;
using System.Text.Json;
using Sightline.Formats.Csv;
using Sightline.Oversight;

namespace Sightline.Tests.CommandLine;

/// <summary><c>sightline indicators</c> on a generated council: every indicator in every format, a distribution's bands with it.</summary>
public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    private string Generated()
    {
        var database = Path.Combine(_sightline.Home, "council.db");
        _sightline.Run("generate", "--children", "800", "--database", database).ExitCode.Should().Be(0);
        return database;
    }

    [Fact]
    public void CsvHasARowPerIndicatorFollowedByItsBands()
    {
        var database = Generated();
        var (exit, output, error) = _sightline.Run("indicators", "--from", "2025-11-01", "--to", "2026-10-31", "--format", "csv", "--database", database);
        exit.Should().Be(0, error);
        var rows = Rows(output);
        rows[0].Should().Equal("indicator", "from", "to", "band", "value", "numerator", "denominator", "unit", "england");
        var body = rows.Skip(1).ToList();
        body.Where(r => r[3] == "").Select(r => r[0]).Should().Equal(IndicatorCatalogue.All.Select(i => i.Info.Id));

        var duration = body.Single(r => r[0] == "assessment-duration" && r[3] == "");
        var bands = body.Where(r => r[0] == "assessment-duration" && r[3] != "").ToList();
        bands.Select(r => r[3]).Should().Equal("same day", "1–10 working days", "11–20 working days", "21–30 working days", "31–40 working days",
            "41–45 working days", "46–50 working days", "51–60 working days", "61 or more working days");
        bands.Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture)).Should().Be(int.Parse(duration[5], CultureInfo.InvariantCulture), "the bands hold every assessment measured");
        bands.Should().OnlyContain(r => r[6] == duration[5] && r[7] == "Percentage");
        bands.Sum(r => double.Parse(r[4], CultureInfo.InvariantCulture)).Should().BeApproximately(100, 0.01);
        duration[8].Should().Be("33.0");

        foreach (var distribution in body.Where(r => r[3] != "").GroupBy(r => r[0]))
        {
            var total = distribution.Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture));
            distribution.Should().OnlyContain(r => r[6] == total.ToString(CultureInfo.InvariantCulture), $"each band of {distribution.Key} is out of all its bands hold");
        }

        body.Where(r => r[3] != "").Select(r => r[0]).Distinct().Should().Equal("assessment-duration", "cp-plan-duration", "cin-plan-duration", "plo-duration", "plo-outcomes", "supervision-compliance");

        var caseload = body.Single(r => r[0] == "average-caseload");
        double.Parse(caseload[6], CultureInfo.InvariantCulture).Should().BePositive("the denominator is the case-holding FTE");
    }

    [Fact]
    public void JsonAndTheTableShowTheBands()
    {
        var database = Generated();
        var (exit, output, error) = _sightline.Run("indicators", "--from", "2025-11-01", "--to", "2026-10-31", "--format", "json", "--database", database);
        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var values = json.RootElement.EnumerateArray().ToDictionary(v => v.GetProperty("indicator").GetString()!);
        values.Keys.Should().BeEquivalentTo(IndicatorCatalogue.All.Select(i => i.Info.Id));
        var outcomes = values["plo-outcomes"];
        outcomes.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("label").GetString()).Should()
            .Equal("stepped down", "care proceedings issued", "other", "outcome not recorded");
        values["cp-plan-duration"].GetProperty("display").GetString().Should().StartWith("median ").And.EndWith(" months");
        values["re-referrals"].GetProperty("bands").GetArrayLength().Should().Be(0);

        var table = _sightline.Run("indicators", "--from", "2025-11-01", "--to", "2026-10-31", "--database", database);
        table.ExitCode.Should().Be(0, table.Error);
        table.Output.Should().Contain("same day").And.Contain("9–12 weeks").And.Contain("median").And.Contain("children", "a narrow terminal wraps long labels, so short ones are looked for");
    }

    [Fact]
    public void OnACouncilWithNoVisitsTheVisitIndicatorsSaySo()
    {
        var database = Path.Combine(_sightline.Home, "empty.db");
        _sightline.Run("migrate", "--database", database).ExitCode.Should().Be(0);
        var (exit, output, error) = _sightline.Run("indicators", "--from", "2025-11-01", "--to", "2026-10-31", "--format", "json", "--database", database);
        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var visits = json.RootElement.EnumerateArray().Single(v => v.GetProperty("indicator").GetString() == "cp-visits-on-time");
        visits.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        visits.GetProperty("display").GetString().Should().Be("no data: no visits loaded");
    }

    /// <summary>Every record of the output, read with the product's own CSV reader.</summary>
    private static List<IReadOnlyList<string>> Rows(string csv)
    {
        using var reader = new CsvReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "indicators.csv");
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read() is { } record)
        {
            rows.Add(record.Fields);
        }

        return rows;
    }

    public void Dispose() => _sightline.Dispose();
}
