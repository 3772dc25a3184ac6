using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sightline.Model;

namespace Sightline.Storage;

/// <summary>One record an importer could not load, and why: the file's line, the record's own identifier,
/// the field and value at fault, and a reason a performance officer can act on.</summary>
public sealed record ImportProblem(int? Line, string? RecordId, string? Field, string? Value, string Reason);

/// <summary>What an importer did with a file: records read and loaded, each rejection, and counts of what
/// was loaded by kind (children, episodes, …) in the order to report them.</summary>
public sealed record ImportResult(int Read, int Loaded, IReadOnlyList<ImportProblem> Rejected, IReadOnlyList<KeyValuePair<string, int>> Counts);

/// <summary>The file is refused as a whole (not the expected format, unsafe, truncated, empty); nothing was loaded.</summary>
public sealed class FileRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Runs an import so that it is all or nothing, and keeps an <see cref="ImportRecord"/> of it whatever
/// happens: the importer's changes and the record commit together; a refused or failed import changes
/// nothing but leaves its record saying why.</summary>
public static class ImportLog
{
    private const int MaxValueLength = 200;

    /// <summary>The SHA-256 of a file's bytes, in lower-case hexadecimal.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Runs <paramref name="load"/> in one transaction on a fresh context. <paramref name="load"/> reads
    /// the file and adds or changes records through the context it is given (saving as it likes); it throws
    /// <see cref="FileRefusedException"/> to refuse the file whole.</summary>
    /// <returns>The import's record, as saved.</returns>
    /// <exception cref="FileRefusedException">Re-thrown after the refusal is recorded.</exception>
    public static ImportRecord Run(SightlineDatabase database, string kind, string path, string importedBy, Func<SightlineDbContext, ImportResult> load)
    {
        var record = new ImportRecord
        {
            Kind = kind,
            FileName = Path.GetFileName(path),
            Sha256 = File.Exists(path) ? Sha256Of(path) : "",
            ImportedBy = importedBy,
            StartedAtUtc = DateTime.UtcNow,
        };

        try
        {
            using var db = database.Open();
            using var transaction = db.Database.BeginTransaction();
            var result = load(db);
            db.ChangeTracker.Clear();
            record.RecordsRead = result.Read;
            record.RecordsLoaded = result.Loaded;
            record.RecordsRejected = result.Rejected.Count;
            record.Counts = string.Join(';', result.Counts.Select(c => $"{c.Key}={c.Value}"));
            record.Outcome = result.Rejected.Count == 0 ? ImportOutcome.Loaded : ImportOutcome.LoadedWithRejections;
            record.Rejections = result.Rejected.Select(ToRejection).ToList();
            record.FinishedAtUtc = DateTime.UtcNow;
            db.ImportRecords.Add(record);
            db.SaveChanges();
            transaction.Commit();
            return record;
        }
        catch (FileRefusedException refused)
        {
            Save(database, record, ImportOutcome.Refused, refused.Message);
            throw;
        }
        catch (Exception failed)
        {
            Save(database, record, ImportOutcome.Failed, $"The import stopped part-way and nothing was loaded: {failed.GetType().Name}.");
            throw;
        }
    }

    private static void Save(SightlineDatabase database, ImportRecord record, ImportOutcome outcome, string message)
    {
        record.Outcome = outcome;
        record.Message = message;
        record.Rejections = [];
        record.Id = 0;
        record.FinishedAtUtc = DateTime.UtcNow;
        using var db = database.Open();
        db.ImportRecords.Add(record);
        db.SaveChanges();
    }

    private static ImportRejection ToRejection(ImportProblem problem) => new()
    {
        Line = problem.Line,
        RecordId = problem.RecordId,
        Field = problem.Field,
        Value = problem.Value is { Length: > MaxValueLength } value ? value[..MaxValueLength] : problem.Value,
        Reason = problem.Reason,
    };
}
