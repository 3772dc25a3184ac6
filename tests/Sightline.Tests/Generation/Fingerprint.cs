using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Storage;

namespace Sightline.Tests.Generation;

/// <summary>A hash of every row of every table, in key order: two databases with equal fingerprints hold the same records.</summary>
internal static class Fingerprint
{
    public static Dictionary<string, string> Of(SightlineDatabase database)
    {
        using var db = database.Open();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        // Each table in its primary key's order: "Id" for the council's records, composite keys for some of the accounts' tables.
        var tables = db.Model.GetEntityTypes()
            .Select(t => (Table: t.GetTableName()!, Key: string.Join(", ", t.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\""))))
            .DistinctBy(t => t.Table).OrderBy(t => t.Table, StringComparer.Ordinal);
        var result = new Dictionary<string, string>();
        foreach (var (table, key) in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {key}";
            using var reader = command.ExecuteReader();
            result[table] = Hash(reader);
        }

        return result;
    }

    private static string Hash(DbDataReader reader)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = 0;
        // Columns by name: a migration that rebuilds a SQLite table orders its columns as the model does, while
        // PostgreSQL keeps added columns at the end.
        var columns = Enumerable.Range(0, reader.FieldCount).OrderBy(reader.GetName, StringComparer.Ordinal).ToArray();
        while (reader.Read())
        {
            rows++;
            foreach (var i in columns)
            {
                // Compare values, not provider spellings: dates as ISO dates, decimals invariantly.
                var value = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                {
                    DateTime d => DateOnly.FromDateTime(d).ToString("O"),
                    DateOnly d => d.ToString("O"),
                    decimal m => m.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    double f => f.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    bool b => b ? "1" : "0",
                    long or int or short => Convert.ToInt64(reader.GetValue(i)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    // SQLite keeps decimals (a worker's FTE) as text.
                    string text when reader.GetName(i) == "Fte" => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
                };
                hash.AppendData(Encoding.UTF8.GetBytes(value + "|"));
            }
        }

        return $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }
}
