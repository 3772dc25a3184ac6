using Microsoft.EntityFrameworkCore;
using Sightline.Formats.CinCensus;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Cli.Importing;

/// <summary>What one census import did.</summary>
/// <param name="Record">The import's record, as saved (its rejections and counts included).</param>
/// <param name="Year">The census year the file is for, and how that was worked out.</param>
/// <param name="Council">The council code the file gives.</param>
/// <param name="Counts">Records loaded from the file, and new to the database, by kind.</param>
/// <param name="ChildrenRejected">Children left out whole.</param>
public sealed record CinCensusImportResult(ImportRecord Record, CinCensusYear Year, string Council, CinCensusCounts Counts, int ChildrenRejected);

/// <summary>Loads a DfE CIN census file into the council's records, all or nothing, inside <see cref="ImportLog.Run"/>.
/// Children new to the database are written with the bulk loader; children already held are brought up to date
/// through EF Core in batches (see <see cref="CinCensusRecords"/> for the rules). Memory stays flat: children are read
/// one at a time, and neither the loader's buffer nor a batch holds more than a few hundred.</summary>
public static class CinCensusImport
{
    /// <summary>The <see cref="ImportRecord.Kind"/> of a census import.</summary>
    public const string Kind = "cin";

    /// <summary>Children already held that are brought up to date together: enough to keep the queries few, few enough
    /// that the tracked records die young (larger batches measured no faster and needed more memory).</summary>
    private const int UpdateBatch = 200;

    /// <summary>New children written together, so that the loader's buffer never holds many.</summary>
    private const int NewBatch = 200;

    /// <summary>Imports one census file.</summary>
    /// <param name="database">The council's database (migrated).</param>
    /// <param name="path">The census file.</param>
    /// <param name="importedBy">Who is importing it, for the record.</param>
    /// <param name="progress">Told (stage, done, total) as the file is read: stage "Children", in kilobytes of the file.</param>
    /// <exception cref="FileRefusedException">The file is not a census that can be read, or is another council's.</exception>
    public static CinCensusImportResult Run(SightlineDatabase database, string path, string importedBy, Action<string, int, int>? progress = null)
    {
        Load? load = null;
        var record = ImportLog.Run(database, Kind, path, importedBy, db =>
        {
            load = new Load(db, path, progress);
            return load.Run();
        });
        return new CinCensusImportResult(record, load!.Year, load.Council, load.Counts, load.ChildrenRejected);
    }

    private sealed class Load(SightlineDbContext db, string path, Action<string, int, int>? progress)
    {
        private readonly NewKeys _keys = new(db);
        private readonly List<ImportProblem> _problems = [];
        private readonly List<Child> _held = [];
        private CinCensusRecords _records = null!;
        private HashSet<string> _existing = null!;
        private int _read;
        private int _newSinceFlush;

        public CinCensusCounts Counts { get; } = new();
        public CinCensusYear Year { get; private set; } = new(null, "not read");
        public string Council { get; private set; } = "";
        public int ChildrenRejected { get; private set; }

        public ImportResult Run()
        {
            _records = new CinCensusRecords(db, _keys, Counts);
            using var reader = Refusing(() => CinCensusReader.Open(path));
            Council = CheckCouncil(reader);
            // The children already held: one identifier each, whatever the file's size.
            _existing = db.Children.Select(c => c.LAChildId).ToHashSet(StringComparer.Ordinal);

            using var loader = new BulkLoader(db);
            using var children = reader.Children().GetEnumerator();
            while (Refusing(children.MoveNext))
            {
                Take(children.Current, loader);
                if (++_read % 500 == 0)
                {
                    Report(reader);
                }
            }

            loader.Complete();
            UpdateHeld();
            _keys.Complete();
            Report(reader);
            Year = reader.Year;

            var loaded = _read - ChildrenRejected;
            var counts = CinCensusCounts.Kinds
                .SelectMany(k => new[] { new KeyValuePair<string, int>(k.Key, Counts.Loaded(k.Key)), new KeyValuePair<string, int>($"{k.Key}-new", Counts.New(k.Key)) })
                .Append(new KeyValuePair<string, int>("rejected", ChildrenRejected))
                .ToList();
            return new ImportResult(_read, loaded, _problems, counts);
        }

        private void Take(CinCensusChild read, BulkLoader loader)
        {
            _problems.AddRange(read.Problems.Select(p => new ImportProblem(p.Line, p.LAChildId, p.Element, p.Value, p.Reason)));
            if (read.Child is not { } child)
            {
                ChildrenRejected++;
                return;
            }

            Counts.CountLoaded(child);
            if (_existing.Contains(child.LAChildId))
            {
                _held.Add(child);
                if (_held.Count >= UpdateBatch)
                {
                    UpdateHeld();
                }

                return;
            }

            _records.KeyNewChild(child);
            loader.AddJourney(child);
            if (++_newSinceFlush >= NewBatch)
            {
                loader.Flush();
                _newSinceFlush = 0;
            }
        }

        /// <summary>Brings the batch of children already held up to date, then forgets them.</summary>
        private void UpdateHeld()
        {
            if (_held.Count == 0)
            {
                return;
            }

            var stored = LoadHeld(_held.Select(c => c.LAChildId).ToList());
            foreach (var read in _held)
            {
                _records.Update(stored[read.LAChildId], read);
            }

            db.SaveChanges();
            db.ChangeTracker.Clear();
            _held.Clear();
        }

        /// <summary>Loads the children with these identifiers, and every record a census carries for them, tracked. Each
        /// table is queried by its own foreign key, and change tracking joins the records up: one query with every
        /// include would join whole tables before filtering them, and grow slower with every child held. Each list of
        /// keys goes as one parameter (SQLite reads it with json_each, PostgreSQL as an array), so every batch runs the
        /// same statements.</summary>
        private Dictionary<string, Child> LoadHeld(List<string> ids)
        {
            var children = db.Children.Where(c => EF.Parameter(ids).Contains(c.LAChildId)).ToList();
            var childIds = children.Select(c => c.Id).ToList();
            db.ChildDisabilities.Where(d => EF.Parameter(childIds).Contains(d.ChildId)).Load();
            db.PreProceedings.Where(p => EF.Parameter(childIds).Contains(p.ChildId)).Load();
            var episodeIds = db.CinEpisodes.Where(e => EF.Parameter(childIds).Contains(e.ChildId)).AsEnumerable().Select(e => e.Id).ToList();
            var assessmentIds = db.Assessments.Where(a => EF.Parameter(episodeIds).Contains(a.CinEpisodeId)).AsEnumerable().Select(a => a.Id).ToList();
            db.AssessmentFactors.Where(f => EF.Parameter(assessmentIds).Contains(f.AssessmentId)).Load();
            db.Section47Enquiries.Where(s => EF.Parameter(episodeIds).Contains(s.CinEpisodeId)).Load();
            db.InitialConferences.Where(c => EF.Parameter(episodeIds).Contains(c.CinEpisodeId)).Load();
            var planIds = db.ChildProtectionPlans.Where(p => EF.Parameter(episodeIds).Contains(p.CinEpisodeId)).AsEnumerable().Select(p => p.Id).ToList();
            db.ReviewConferences.Where(r => EF.Parameter(planIds).Contains(r.ChildProtectionPlanId)).Load();
            db.CinPlans.Where(p => EF.Parameter(episodeIds).Contains(p.CinEpisodeId)).Load();
            return children.ToDictionary(c => c.LAChildId, StringComparer.Ordinal);
        }

        /// <summary>A database holds one council: a file for another is refused, and the first file names the council.</summary>
        private string CheckCouncil(CinCensusReader reader)
        {
            var code = reader.Header.LeaCode;
            if (code is not { Length: 3 } || !code.All(char.IsAsciiDigit))
            {
                throw new FileRefusedException($"{reader.Name} gives no three-digit council code (Header/Source/LEA), so it cannot be matched " +
                                               "to the council this database holds: nothing was loaded.");
            }

            var council = db.Councils.AsNoTracking().FirstOrDefault();
            if (council is null)
            {
                // The census gives the code only; the name and the child population are for the council to set.
                db.Councils.Add(new Council { Code = code, Name = $"Council {code}", ChildPopulation = 0 });
                db.SaveChanges();
                db.ChangeTracker.Clear();
            }
            else if (council.Code != code)
            {
                throw new FileRefusedException($"{reader.Name} is council {code}'s census, but this database holds council {council.Code} " +
                                               $"({council.Name}). A database holds one council: nothing was loaded.");
            }

            return code;
        }

        private void Report(CinCensusReader reader)
        {
            if (reader.Length > 0)
            {
                progress?.Invoke("Children", (int)(reader.Position / 1024), (int)(reader.Length / 1024));
            }
        }

        private static T Refusing<T>(Func<T> step)
        {
            try
            {
                return step();
            }
            catch (CinCensusRefusedException refused)
            {
                throw new FileRefusedException(refused.Message, refused);
            }
        }
    }
}
