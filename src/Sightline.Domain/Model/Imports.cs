namespace Sightline.Model;

/// <summary>One import of a file into the council's records: who loaded what, when, and what became of it.
/// Kept for every import, including those refused or failed, so that a performance officer can show where
/// every figure came from.</summary>
public sealed class ImportRecord
{
    public int Id { get; set; }

    /// <summary>What was imported: <c>cin</c>, <c>annex-a</c>, or <c>csv:KIND</c> (for example <c>csv:workers</c>).</summary>
    public required string Kind { get; set; }

    /// <summary>The file's name, without its folder.</summary>
    public required string FileName { get; set; }

    /// <summary>The SHA-256 of the file's bytes, in hexadecimal: the same file loaded twice has the same hash.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Who ran the import (the user's account name, or the operating system user from the command line).</summary>
    public required string ImportedBy { get; set; }

    public DateTime StartedAtUtc { get; set; }
    public DateTime FinishedAtUtc { get; set; }
    public ImportOutcome Outcome { get; set; }

    /// <summary>Records read from the file (children, for the census; rows, for a workbook list or an extract).</summary>
    public int RecordsRead { get; set; }

    public int RecordsLoaded { get; set; }
    public int RecordsRejected { get; set; }

    /// <summary>What was loaded, as <c>name=count</c> pairs separated by semicolons (for example
    /// <c>children=1000;episodes=1204;assessments=1100</c>), in the order the importer reports them.</summary>
    public string? Counts { get; set; }

    /// <summary>Why the whole file was refused or failed, when it was.</summary>
    public string? Message { get; set; }

    public List<ImportRejection> Rejections { get; set; } = [];
}

/// <summary>How an import ended.</summary>
public enum ImportOutcome
{
    /// <summary>Every record loaded.</summary>
    Loaded,

    /// <summary>Some records were rejected, each with its reason; every other record loaded.</summary>
    LoadedWithRejections,

    /// <summary>The file was refused as a whole (not the expected format, unsafe, truncated): nothing changed.</summary>
    Refused,

    /// <summary>The import stopped part-way: nothing changed.</summary>
    Failed,
}

/// <summary>One record an import rejected, and why: enough to find it in the file and fix it at source.</summary>
public sealed class ImportRejection
{
    public int Id { get; set; }
    public int ImportRecordId { get; set; }

    /// <summary>The line in the file (XML line, CSV line, or worksheet row).</summary>
    public int? Line { get; set; }

    /// <summary>The record's own identifier in the file (the child's LAchildID, a worker's staff ID), where it has one.</summary>
    public string? RecordId { get; set; }

    /// <summary>The element, column or header at fault.</summary>
    public string? Field { get; set; }

    /// <summary>The value at fault, as written in the file (truncated to 200 characters).</summary>
    public string? Value { get; set; }

    public required string Reason { get; set; }
}
