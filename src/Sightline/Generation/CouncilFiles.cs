using Sightline.Formats.CinCensus;
using Sightline.Storage;
using Sightline.Storage.Extracts;

namespace Sightline.Cli.Generation;

/// <summary>What <see cref="CouncilFiles.Write"/> wrote: rows per extract, and children per census year.</summary>
public sealed record CouncilFilesWritten(IReadOnlyList<KeyValuePair<string, int>> Extracts, IReadOnlyList<KeyValuePair<int, int>> Censuses);

/// <summary>Writes a synthetic council as the files a real council would load: a CIN census for each census year
/// the six years cover (children and their CIN and CP journeys) and every CSV extract (the rest). The extracts
/// are written from a database holding the council: the one given, or a temporary one removed afterwards.</summary>
public static class CouncilFiles
{
    /// <param name="make">Makes the council; called once per file that streams children, so it must make the
    /// same council every time (same size, seed and last day).</param>
    /// <param name="folder">Where to write <c>KIND.csv</c> and <c>cin-census-YYYY.xml</c>.</param>
    /// <param name="database">A database to generate into as well, or null for a temporary one.</param>
    /// <param name="progress">Told (stage, done, total).</param>
    public static CouncilFilesWritten Write(Func<CouncilGenerator> make, string folder, SightlineDatabase? database, Action<string, int, int>? progress = null)
    {
        Directory.CreateDirectory(folder);
        var temporary = database is null ? Directory.CreateTempSubdirectory("sightline-council-").FullName : null;
        try
        {
            var target = database ?? SightlineDatabase.SqliteFile(Path.Combine(temporary!, "council.db"));
            var generator = make();
            generator.WriteTo(target, progress);
            progress?.Invoke("Extracts", 0, 1);
            var extracts = CsvExtracts.WriteAll(target, folder);
            progress?.Invoke("Extracts", 1, 1);

            var years = CensusYears(generator).ToList();
            var censuses = new List<KeyValuePair<int, int>>();
            foreach (var year in years)
            {
                progress?.Invoke("CIN census files", censuses.Count, years.Count);
                var written = CinCensusWriter.Write(make().Children(), Path.Combine(folder, CensusFileName(year)), year, CouncilGenerator.CouncilCode);
                censuses.Add(new(year, written.ChildrenWritten));
            }

            progress?.Invoke("CIN census files", years.Count, years.Count);
            return new CouncilFilesWritten(extracts, censuses);
        }
        finally
        {
            if (temporary is not null)
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    public static string CensusFileName(int year) => $"cin-census-{year}.xml";

    /// <summary>The census years whose 31 March reference date falls within the six years and that the census
    /// writer can write. Records after the last reference date are in no census: their children would come with
    /// the next year's.</summary>
    public static IEnumerable<int> CensusYears(CouncilGenerator generator) =>
        Enumerable.Range(CinCensusWriter.FirstCensusYear, CinCensusWriter.LastCensusYear - CinCensusWriter.FirstCensusYear + 1)
            .Where(year => CinCensusWriter.ReferenceDate(year) >= generator.Start && CinCensusWriter.ReferenceDate(year) <= generator.End);
}
