using System.Collections.Concurrent;
using Sightline.Cli.AnnexA;
using Sightline.Cli.Importing;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Storage.Extracts;

namespace Sightline.Web;

/// <summary>What an uploaded file is: a CIN census, an Annex A workbook (with the date it is as at) or a CSV extract
/// (with its kind, one of <see cref="CsvExtracts.Names"/>).</summary>
public sealed record ImportRequest(string Kind, DateOnly? AsAt, string? Extract)
{
    public const string Census = "cin";
    public const string AnnexA = "annex-a";
    public const string Csv = "csv";
}

/// <summary>One import running (or run) in the background for the web pages: its stage and progress as the
/// importer reports them, and at the end the import's record or why it stopped.</summary>
public sealed class ImportJob(Guid id, string userId, string fileName, ImportRequest request)
{
    private readonly Lock _lock = new();
    private string _stage = "Waiting to start";
    private int _done;
    private int _total;

    public Guid Id { get; } = id;

    /// <summary>The account that started it: only that account sees it.</summary>
    public string UserId { get; } = userId;

    /// <summary>The uploaded file's own name (without any folder).</summary>
    public string FileName { get; } = fileName;

    public ImportRequest Request { get; } = request;

    public bool Finished { get; private set; }

    /// <summary>The saved record when the importer ran to the end (loaded, with or without rejections) or refused
    /// the file; null while running and when it failed before a record was kept.</summary>
    public int? ImportRecordId { get; private set; }

    /// <summary>Why the file was refused or the import failed, when it was.</summary>
    public string? Message { get; private set; }

    /// <summary>The stage the importer last reported, and how far through it (in its own units).</summary>
    public (string Stage, int Done, int Total) Progress
    {
        get
        {
            lock (_lock)
            {
                return (_stage, _done, _total);
            }
        }
    }

    /// <summary>The share done of the current stage, 0 to 100.</summary>
    public int Percent
    {
        get
        {
            var (_, done, total) = Progress;
            return Finished ? 100 : total <= 0 ? 0 : Math.Clamp((int)(100L * done / total), 0, 100);
        }
    }

    internal void Report(string stage, int done, int total)
    {
        lock (_lock)
        {
            (_stage, _done, _total) = (stage, done, total);
        }
    }

    internal void Finish(int? recordId, string? message)
    {
        ImportRecordId = recordId;
        Message = message;
        Finished = true;
    }
}

/// <summary>Runs the imports started from the Data page in the background, one at a time, through the same importers
/// as <c>sightline import</c>: the census through <see cref="CinCensusImport"/>, a workbook through
/// <see cref="AnnexAImporter"/>, an extract through <see cref="CsvExtracts"/> inside <see cref="ImportLog"/>. The file
/// is kept in <paramref name="folder"/> (the data folder's <c>uploads</c>) only while its import runs. When an import has changed the
/// records, the council is loaded again (<see cref="CouncilStore.Reload"/>).</summary>
public sealed partial class ImportJobs(SightlineDatabase database, CouncilStore council, string folder, ILogger<ImportJobs> logger)
{
    /// <summary>How many finished jobs are remembered (their records stay in the database for ever).</summary>
    private const int Kept = 50;

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The job, when it exists and the account started it.</summary>
    public ImportJob? Find(Guid id, string userId) => _jobs.TryGetValue(id, out var job) && job.UserId == userId ? job : null;

    /// <summary>Saves the upload and starts importing it; the saved copy is deleted when the import ends.</summary>
    /// <param name="content">The uploaded file.</param>
    /// <param name="fileName">Its name as uploaded (only the name is kept, never a folder).</param>
    /// <param name="request">What the file is.</param>
    /// <param name="userId">The account starting it (only it sees the job).</param>
    /// <param name="userName">The account's name, kept with the import's record.</param>
    public async Task<ImportJob> StartAsync(Stream content, string fileName, ImportRequest request, string userId, string userName)
    {
        var name = string.Concat(Path.GetFileName(fileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_')).Trim();
        var job = new ImportJob(Guid.NewGuid(), userId, name.Length is > 0 and <= 200 && name.Trim('.').Length > 0 ? name : "upload", request);
        // Each upload in a folder of its own, under the name it was uploaded with (which the import's record keeps).
        var jobFolder = Directory.CreateDirectory(Path.Combine(folder, job.Id.ToString("N"))).FullName;
        var path = Path.Combine(jobFolder, job.FileName);
        await using (var saved = File.Create(path))
        {
            await content.CopyToAsync(saved);
        }

        _jobs[job.Id] = job;
        foreach (var old in _jobs.Values.Where(j => j.Finished).OrderBy(j => j.Id).Take(Math.Max(0, _jobs.Count - Kept)))
        {
            _jobs.TryRemove(old.Id, out _);
        }

        _ = Task.Run(async () =>
        {
            await _oneAtATime.WaitAsync();
            try
            {
                Run(job, path, userName);
            }
            finally
            {
                _oneAtATime.Release();
                Directory.Delete(jobFolder, recursive: true);
            }
        });
        return job;
    }

    private void Run(ImportJob job, string path, string userName)
    {
        var request = job.Request;
        try
        {
            var record = request.Kind switch
            {
                ImportRequest.Census => CinCensusImport.Run(database, path, userName, job.Report).Record,
                ImportRequest.AnnexA => AnnexAImporter.Import(database, path, request.AsAt!.Value, userName, job.Report),
                _ => ImportLog.Run(database, $"csv:{request.Extract}", path, userName, db => CsvExtracts.Load(db, request.Extract!, path, job.Report)),
            };
            job.Report("Loading the council's records again", 0, 1);
            council.Reload();
            job.Finish(record.Id, null);
            Finished(logger, job.Id, record.Id, record.Outcome);
        }
        catch (Exception failed)
        {
            // A refused or failed import has kept its record, saying why: find it by the file's hash.
            var recordId = LastRecordOf(path);
            job.Finish(recordId, failed is FileRefusedException or ArgumentException
                ? failed.Message
                : $"The import stopped part-way and nothing was loaded ({failed.GetType().Name}).");
            Stopped(logger, job.Id, recordId, failed.GetType().Name);
        }
    }

    private int? LastRecordOf(string path)
    {
        try
        {
            var hash = ImportLog.Sha256Of(path);
            using var db = database.Open();
            return db.ImportRecords.Where(r => r.Sha256 == hash).OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} finished: import {RecordId}, {Outcome}")]
    private static partial void Finished(ILogger logger, Guid jobId, int recordId, ImportOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} stopped ({Exception}); import record {RecordId}")]
    private static partial void Stopped(ILogger logger, Guid jobId, int? recordId, string exception);
}
