using System.Text;
using Sightline.Formats.CinCensus;

namespace Sightline.Formats.Tests.CinCensus;

/// <summary>Whatever happens to a census file on its way (cut, garbled, lines lost or repeated), the reader reads it
/// or refuses it: it never fails any other way, and never stops making progress.</summary>
public class CinCensusMangledFileTests
{
    [Fact]
    public void A_mangled_census_is_read_or_refused_and_nothing_else()
    {
        var random = new Random(20261123);
        var samples = new[] { "BAR_cin_2022.xml", "CIN2rows.xml", "CIN_Census_2026.xml" }.Select(s => System.IO.File.ReadAllText(CensusXml.Sample(s))).ToArray();
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 1_500; i++)
        {
            var text = Mangle(samples[random.Next(samples.Length)], random);
            string outcome;
            try
            {
                using var reader = CinCensusReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), "mangled.xml");
                var children = reader.Children().ToList();
                outcome = children.Any(c => c.Rejected) ? "read, some children left out" : "read";
                _ = reader.Year;
            }
            catch (CinCensusRefusedException)
            {
                outcome = "refused";
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        outcomes.Keys.Should().BeEquivalentTo(["read", "read, some children left out", "refused"], "the mangling is varied enough to reach every outcome");
    }

    private static string Mangle(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(6))
            {
                case 0:
                    lines.RemoveAt(at); // a line lost
                    break;
                case 1:
                    lines.Insert(at, lines[at]); // a line repeated
                    break;
                case 2:
                    var line = lines[at];
                    lines[at] = line.Length == 0 ? line : line.Remove(random.Next(line.Length), 1); // a character lost
                    break;
                case 3:
                    lines[at] = lines[at].Replace(">", "> x ", StringComparison.Ordinal); // stray text
                    break;
                case 4:
                    lines[at] = System.Text.RegularExpressions.Regex.Replace(lines[at], ">[^<]+<", ">" + random.Next(100) + "<"); // a value changed
                    break;
                default:
                    var joined = string.Join('\n', lines);
                    return joined[..random.Next(joined.Length)]; // cut short
            }
        }

        return string.Join('\n', lines);
    }
}
