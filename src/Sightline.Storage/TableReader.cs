using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sightline.Storage;

/// <summary>Reads whole tables into new records with a plain <see cref="DbDataReader"/>, for the snapshot: EF Core's
/// query pipeline and materialiser cost more than the reading itself on millions of rows. Which columns a table has,
/// and how each becomes a property (its value conversion included), come from EF Core's model, as the bulk loader's
/// do, so the schema is still described once.</summary>
internal sealed class TableReader
{
    /// <summary>Every record's key property.</summary>
    private const string Key = "Id";

    private static readonly ConcurrentDictionary<(Type Record, DatabaseProvider Provider), Materialiser> Materialisers = new();

    /// <summary>Properties that nothing reading the snapshot uses and that would each cost a string per record: a
    /// child's UPN and former UPN (2.7 million distinct identifiers for all of England). They are not read, and stay
    /// null in the snapshot.</summary>
    public static IReadOnlySet<(Type Record, string Property)> NotRead { get; } =
        new HashSet<(Type, string)> { (typeof(Model.Child), nameof(Model.Child.Upn)), (typeof(Model.Child), nameof(Model.Child.FormerUpn)) };

    private readonly Dictionary<Type, object> _emptyLists = [];
    private readonly SightlineDbContext _db;
    private readonly DatabaseProvider _provider;
    private readonly ISqlGenerationHelper _sql;

    public TableReader(SightlineDbContext db)
    {
        _db = db;
        _provider = db is PostgresSightlineContext ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        _sql = db.GetService<ISqlGenerationHelper>();
    }

    /// <summary>Called after each table is read with its name, the rows read and the time taken.</summary>
    public Action<string, int, TimeSpan>? TableRead { get; init; }

    /// <summary>Reads every row of <typeparamref name="T"/>'s table in key order and hands each record to <paramref name="each"/>.</summary>
    public void Read<T>(Action<T> each)
        where T : class
    {
        var (type, table, column) = TableOf<T>();
        var materialiser = Materialisers.GetOrAdd((typeof(T), _provider), _ => Materialiser.For<T>(type, _provider));
        var read = (Func<DbDataReader, StringPool[], object[], T>)materialiser.Read;
        var pools = materialiser.NewPools();
        var empty = materialiser.ListTypes.Select(EmptyList).ToArray();
        InKeyOrder(type, table, column, materialiser.Properties.Select(p => materialiser.Selects(p, column(p.Name))), reader => each(read(reader, pools, empty)));
    }

    /// <summary>Reads two whole-number columns of every row of <typeparamref name="T"/>'s table, in key order, and hands
    /// each row's values to <paramref name="each"/> without making a record: for a table of millions of rows that are
    /// only pairs of identifiers.</summary>
    public void Read<T>(Expression<Func<T, int>> first, Expression<Func<T, int>> second, Action<int, int> each)
        where T : class
    {
        var (type, table, column) = TableOf<T>();
        static string Name(Expression<Func<T, int>> property) => ((MemberExpression)property.Body).Member.Name;
        InKeyOrder(type, table, column, [column(Name(first)), column(Name(second))], reader => each(reader.GetInt32(0), reader.GetInt32(1)));
    }

    /// <summary><typeparamref name="T"/>'s entity type, its table, and the delimited column of a property by name.</summary>
    private (IEntityType Type, string Table, Func<string, string> Column) TableOf<T>()
    {
        var type = _db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        return (type, table, property => _sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(store)!));
    }

    /// <summary>Selects <paramref name="columns"/> from every row of the table in key order (<paramref name="column"/>
    /// gives a property's column), hands each row to <paramref name="row"/>, and reports the table to
    /// <see cref="TableRead"/>.</summary>
    private void InKeyOrder(IEntityType type, string table, Func<string, string> column, IEnumerable<string> columns, Action<DbDataReader> row)
    {
        var timer = Stopwatch.StartNew();
        using var command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {_sql.DelimitIdentifier(table, type.GetSchema())} " +
                              $"ORDER BY {column(Key)}";
        var rows = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                row(reader);
                rows++;
            }
        }

        TableRead?.Invoke(table, rows, timer.Elapsed);
    }

    /// <summary>The one empty list of a type that every record read by this reader starts with (see <see cref="Materialiser"/>).</summary>
    private object EmptyList(Type listType)
    {
        if (!_emptyLists.TryGetValue(listType, out var list))
        {
            _emptyLists[listType] = list = Activator.CreateInstance(listType)!;
        }

        return list;
    }

    /// <summary>Makes one record from the current row: every mapped property read from its column, in the model's order,
    /// through the property's value conversion where it has one. Every list of related records starts as the one empty
    /// list of its type that the reader shares between all its records, and only a record that has related records
    /// is given a list of its own (by the snapshot loader): most children have no records of most kinds, and an empty
    /// list for each would be a third of the snapshot's memory. Compiled once per record type and provider.</summary>
    private sealed class Materialiser
    {
        /// <summary>SQLite keeps a date as text, <c>yyyy-MM-dd</c>; its <c>julianday</c> less this is the date's
        /// <see cref="DateOnly.DayNumber"/>, which SQLite works out faster than the text can be parsed here.</summary>
        private const string SqliteDayNumber = "CAST(julianday({0}) - 1721425.5 AS INTEGER)";

        private readonly DatabaseProvider _provider;

        private Materialiser(DatabaseProvider provider, IReadOnlyList<IProperty> properties, IReadOnlyList<Type> listTypes, Delegate read, int stringColumns)
        {
            _provider = provider;
            Properties = properties;
            ListTypes = listTypes;
            Read = read;
            StringColumns = stringColumns;
        }

        public IReadOnlyList<IProperty> Properties { get; }

        /// <summary>The types of the record's lists, in the order the materialiser takes their shared empty instances.</summary>
        public IReadOnlyList<Type> ListTypes { get; }

        /// <summary>A <c>Func&lt;DbDataReader, StringPool[], object[], T&gt;</c>: the reader, a pool per string column,
        /// the shared empty list for each of <see cref="ListTypes"/>.</summary>
        public Delegate Read { get; }

        private int StringColumns { get; }

        public StringPool[] NewPools() => Enumerable.Range(0, StringColumns).Select(_ => new StringPool()).ToArray();

        /// <summary>What the query selects for a property's column: the column, or on SQLite a date's day number.</summary>
        public string Selects(IProperty property, string column) =>
            IsSqliteDate(property, _provider) ? string.Format(System.Globalization.CultureInfo.InvariantCulture, SqliteDayNumber, column) : column;

        private static bool IsSqliteDate(IProperty property, DatabaseProvider provider) =>
            provider == DatabaseProvider.Sqlite && property.GetTypeMapping().Converter is null &&
            (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(DateOnly);

        public static Materialiser For<T>(IEntityType type, DatabaseProvider provider)
        {
            var properties = type.GetProperties().Where(p => p.PropertyInfo is not null && !NotRead.Contains((typeof(T), p.Name))).ToList();
            var reader = Expression.Parameter(typeof(DbDataReader), "reader");
            var pools = Expression.Parameter(typeof(StringPool[]), "pools");
            var bindings = new List<MemberBinding>();
            var strings = 0;
            for (var ordinal = 0; ordinal < properties.Count; ordinal++)
            {
                var property = properties[ordinal];
                var converter = property.GetTypeMapping().Converter;
                var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
                Expression value = IsSqliteDate(property, provider)
                    ? Expression.Call(typeof(DateOnly), nameof(DateOnly.FromDayNumber), null, Expression.Call(reader, Getter(typeof(int)), Expression.Constant(ordinal)))
                    : Expression.Call(reader, Getter(providerType), Expression.Constant(ordinal));
                if (providerType == typeof(string))
                {
                    // Codes, categories and agencies repeat on every row: each distinct value is kept once.
                    value = Expression.Call(Expression.ArrayIndex(pools, Expression.Constant(strings++)), nameof(StringPool.Intern), null, value);
                }

                if (converter is not null)
                {
                    value = Expression.Invoke(converter.ConvertFromProviderExpression, value);
                }

                value = Expression.Convert(value, property.ClrType);
                if (property.IsNullable || !property.ClrType.IsValueType)
                {
                    value = Expression.Condition(Expression.Call(reader, nameof(DbDataReader.IsDBNull), null, Expression.Constant(ordinal)),
                        Expression.Default(property.ClrType), value);
                }

                bindings.Add(Expression.Bind(property.PropertyInfo!, value));
            }

            var empty = Expression.Parameter(typeof(object[]), "empty");
            var lists = typeof(T).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>) && p.SetMethod is { IsPublic: true }).ToList();
            bindings.AddRange(lists.Select((list, i) => Expression.Bind(list, Expression.Convert(Expression.ArrayIndex(empty, Expression.Constant(i)), list.PropertyType))));

            var read = Expression.Lambda<Func<DbDataReader, StringPool[], object[], T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), reader, pools, empty).Compile();
            return new Materialiser(provider, properties, lists.Select(l => l.PropertyType).ToList(), read, strings);
        }

        /// <summary>The reader's typed getter for a provider type: no boxing for the common ones.</summary>
        private static MethodInfo Getter(Type type)
        {
            var name = Type.GetTypeCode(type) switch
            {
                TypeCode.Int32 => nameof(DbDataReader.GetInt32),
                TypeCode.Int64 => nameof(DbDataReader.GetInt64),
                TypeCode.Int16 => nameof(DbDataReader.GetInt16),
                TypeCode.Boolean => nameof(DbDataReader.GetBoolean),
                TypeCode.String => nameof(DbDataReader.GetString),
                TypeCode.Decimal => nameof(DbDataReader.GetDecimal),
                TypeCode.Double => nameof(DbDataReader.GetDouble),
                TypeCode.DateTime => nameof(DbDataReader.GetDateTime),
                _ => null,
            };
            return name is not null
                ? typeof(DbDataReader).GetMethod(name, [typeof(int)])!
                : typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue), [typeof(int)])!.MakeGenericMethod(type);
        }
    }
}

/// <summary>Keeps one copy of each distinct string read from a column, while the column has few distinct values (codes,
/// categories, partner agencies); a column of mostly different values (identifiers, names) stops being pooled once it
/// has shown more than <see cref="Limit"/>, so that the pool never costs more than it saves.</summary>
internal sealed class StringPool
{
    private const int Limit = 4_096;
    private HashSet<string>? _seen = new(StringComparer.Ordinal);

    public string Intern(string value)
    {
        if (_seen is null)
        {
            return value;
        }

        if (_seen.TryGetValue(value, out var kept))
        {
            return kept;
        }

        if (_seen.Count >= Limit)
        {
            _seen = null;
            return value;
        }

        _seen.Add(value);
        return value;
    }
}
