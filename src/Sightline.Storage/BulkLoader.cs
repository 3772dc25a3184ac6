using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sightline.Storage;

/// <summary>Writes large numbers of new records in one transaction with multi-row INSERT statements,
/// much faster than change tracking. Records must carry their own keys; rows are buffered per table
/// and written parents first, so a record may refer to any record added before it. Nothing is
/// visible to other readers until <see cref="Complete"/>; disposing without completing rolls back.
/// Inside a transaction the context already has (an import's), the loader writes into it and leaves
/// committing to its owner.</summary>
public sealed class BulkLoader : IDisposable
{
    private const int FlushThreshold = 50_000;

    private readonly SightlineDbContext _db;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _ownsTransaction;
    private readonly Dictionary<Type, TableWriter> _writers = [];
    private readonly List<TableWriter> _writeOrder;
    private int _buffered;

    public BulkLoader(SightlineDbContext db)
    {
        _db = db;
        _db.Database.OpenConnection();
        _connection = _db.Database.GetDbConnection();
        _ownsTransaction = db.Database.CurrentTransaction is null;
        if (_ownsTransaction && db is SqliteSightlineContext)
        {
            // A bulk load is all-or-nothing inside its transaction, so the journal need not be flushed per page;
            // and the default 2 MB page cache thrashes once the indexes outgrow it (the england council).
            Execute("PRAGMA synchronous=OFF;");
            Execute("PRAGMA cache_size=-262144;");
        }

        _transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? _connection.BeginTransaction();
        var sql = db.GetService<ISqlGenerationHelper>();
        // SQLite finds each named parameter by a linear search, so its statements stay small.
        var maxParameters = db is SqliteSightlineContext ? 200 : 30_000;
        _writeOrder = ParentsFirst(db.Model).Select(t => new TableWriter(t, sql, maxParameters)).ToList();
        foreach (var writer in _writeOrder)
        {
            _writers[writer.ClrType] = writer;
        }
    }

    /// <summary>How many rows have been written so far, per table.</summary>
    public IReadOnlyDictionary<string, long> RowsWritten => _writeOrder.ToDictionary(w => w.Table, w => w.Written);

    /// <summary>Queues one record; it is written with the next flush.</summary>
    public void Add<T>(T record) where T : class
    {
        _writers[typeof(T)].Buffer.Add(record);
        if (++_buffered >= FlushThreshold)
        {
            Flush();
        }
    }

    /// <summary>Writes every queued record, parents before children.</summary>
    public void Flush()
    {
        foreach (var writer in _writeOrder)
        {
            writer.Write(_connection, _transaction);
        }

        _buffered = 0;
    }

    /// <summary>Writes what is queued and commits. For PostgreSQL, moves each identity sequence past the
    /// keys written so that later records added through EF Core get fresh keys.</summary>
    public void Complete()
    {
        Flush();
        if (_db is PostgresSightlineContext)
        {
            foreach (var writer in _writeOrder.Where(w => w.Written > 0))
            {
                Execute($"SELECT setval(pg_get_serial_sequence('\"{writer.Table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{writer.Table}\"));");
            }
        }

        if (_ownsTransaction)
        {
            _transaction.Commit();
        }
    }

    public void Dispose()
    {
        foreach (var writer in _writeOrder)
        {
            writer.Dispose();
        }

        if (_ownsTransaction)
        {
            _transaction.Dispose();
            _db.Database.CloseConnection();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static IEnumerable<IEntityType> ParentsFirst(IModel model)
    {
        var done = new HashSet<IEntityType>();
        var ordered = new List<IEntityType>();
        void Visit(IEntityType type)
        {
            if (!done.Add(type))
            {
                return;
            }

            foreach (var parent in type.GetForeignKeys().Select(f => f.PrincipalEntityType).Where(p => p != type))
            {
                Visit(parent);
            }

            ordered.Add(type);
        }

        foreach (var type in model.GetEntityTypes().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Visit(type);
        }

        return ordered;
    }

    /// <summary>Writes one table's queued rows with reusable multi-row INSERT statements.</summary>
    private sealed class TableWriter : IDisposable
    {
        private readonly (IProperty Property, Func<object?, object?> ToProvider)[] _columns;
        private readonly string _insertPrefix;
        private readonly int _rowsPerStatement;
        private readonly Dictionary<int, DbCommand> _commands = [];

        public TableWriter(IEntityType type, ISqlGenerationHelper sql, int maxParameters)
        {
            ClrType = type.ClrType;
            Table = type.GetTableName()!;
            var store = StoreObjectIdentifier.Table(Table, type.GetSchema());
            _columns = type.GetProperties()
                .Select(p => (p, Converter(p)))
                .ToArray();
            _insertPrefix = $"INSERT INTO {sql.DelimitIdentifier(Table)} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!)))}) VALUES ";
            _rowsPerStatement = Math.Max(1, Math.Min(1_000, maxParameters / _columns.Length));
        }

        public Type ClrType { get; }
        public string Table { get; }
        public List<object> Buffer { get; } = [];
        public long Written { get; private set; }

        public void Write(DbConnection connection, DbTransaction transaction)
        {
            for (var offset = 0; offset < Buffer.Count; offset += _rowsPerStatement)
            {
                var rows = Math.Min(_rowsPerStatement, Buffer.Count - offset);
                var command = CommandFor(rows, connection, transaction);
                var parameter = 0;
                for (var row = offset; row < offset + rows; row++)
                {
                    var record = Buffer[row];
                    foreach (var (property, toProvider) in _columns)
                    {
                        var value = property.GetGetter().GetClrValue(record);
                        command.Parameters[parameter++].Value = toProvider(value) ?? DBNull.Value;
                    }
                }

                command.ExecuteNonQuery();
            }

            Written += Buffer.Count;
            Buffer.Clear();
        }

        private DbCommand CommandFor(int rows, DbConnection connection, DbTransaction transaction)
        {
            if (_commands.TryGetValue(rows, out var command))
            {
                command.Transaction = transaction;
                return command;
            }

            command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new System.Text.StringBuilder(_insertPrefix);
            var parameter = 0;
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < _columns.Length; column++)
                {
                    var name = "@p" + parameter++;
                    text.Append(column == 0 ? name : ", " + name);
                    var p = command.CreateParameter();
                    p.ParameterName = name;
                    command.Parameters.Add(p);
                }

                text.Append(')');
            }

            // Reused for every batch of this size: SQLite keeps the compiled statement with the command.
            command.CommandText = text.ToString();
            _commands[rows] = command;
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
        }

        private static Func<object?, object?> Converter(IProperty property)
        {
            var converter = property.GetTypeMapping().Converter;
            return converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v);
        }
    }
}
