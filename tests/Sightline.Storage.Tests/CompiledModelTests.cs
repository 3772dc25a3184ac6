using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sightline.Storage.Tests;

/// <summary>SQLite contexts use the compiled model in <c>src/Sightline.Storage/CompiledModels/Sqlite</c>, which saves
/// building the model each time Sightline starts. It must describe exactly what <see cref="SightlineDbContext"/>
/// describes: after any change to the model, it is generated again.</summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_compiled_sqlite_model_describes_the_same_tables_as_the_context()
    {
        using var compiled = SightlineDatabase.SqliteFile(Path.Combine(Path.GetTempPath(), "sightline-compiled-model.db")).Open();
        compiled.Model.Should().BeOfType<CompiledModels.Sqlite.SqliteSightlineContextModel>("SQLite contexts find the compiled model by its assembly attribute");
        var described = compiled.GetService<IDesignTimeModel>().Model;
        described.Should().NotBeOfType<CompiledModels.Sqlite.SqliteSightlineContextModel>("the design-time model is built from OnModelCreating");

        var inCompiled = Describe(compiled.Model);
        var inContext = Describe(described);
        inContext.Except(inCompiled).Select(line => "new: " + line).Concat(inCompiled.Except(inContext).Select(line => "gone: " + line)).Should().BeEmpty("the model changed since the compiled model was generated; generate it again with " +
            "dotnet ef dbcontext optimize --project src/Sightline.Storage --startup-project src/Sightline " +
            "--context SqliteSightlineContext --output-dir CompiledModels/Sqlite --namespace Sightline.Storage.CompiledModels.Sqlite");
    }

    /// <summary>Every table, column, key, foreign key and index of a model, one line each, in a fixed order.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var type in model.GetEntityTypes().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var table = type.GetTableName();
            lines.Add($"table {table} for {type.ClrType.Name}");
            var store = StoreObjectIdentifier.Table(table!, type.GetSchema());
            lines.AddRange(type.GetProperties().Select(p =>
                $"  column {p.GetColumnName(store)} {p.ClrType.Name} {(p.IsNullable ? "null" : "not null")} {p.GetRelationalTypeMapping().StoreType} {p.GetMaxLength()} {p.GetTypeMapping().Converter?.ProviderClrType.Name} {p.ValueGenerated}"));
            lines.AddRange(type.GetKeys().Select(k => $"  key {string.Join(",", k.Properties.Select(p => p.Name))}"));
            lines.AddRange(type.GetForeignKeys().Select(f =>
                $"  foreign key {string.Join(",", f.Properties.Select(p => p.Name))} to {f.PrincipalEntityType.ClrType.Name} {f.DeleteBehavior} {(f.IsRequired ? "required" : "optional")}"));
            lines.AddRange(type.GetIndexes().Select(i => $"  index {string.Join(",", i.Properties.Select(p => p.Name))} {(i.IsUnique ? "unique" : "")}"));
            lines.AddRange(type.GetNavigations().Select(n => $"  navigation {n.Name} to {n.TargetEntityType.ClrType.Name}"));
        }

        return lines;
    }
}
