using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline standards</c>: the council's local standards, every version and the one in force on a date;
/// <c>sightline standards set</c> records a new version from a date. The settings, their option names and their
/// help come from <see cref="LocalStandards.Settings"/>.</summary>
internal static class StandardsCommand
{
    public static Command Create()
    {
        var asAt = Terminal.DateOption("--as-at", "Show the version in force on this date (default: today).");
        var format = new Option<string>("--format") { Description = "table, or json (every setting and every version with all its values).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var database = Terminal.DatabaseOption();
        var command = new Command("standards",
            "The council's local standards (visit, review and supervision intervals, caseload and drift thresholds): every version, " +
            "the one in force on a date, and each setting's meaning and default. Alerts and indicators are judged under the version in force on their date.")
        {
            asAt, format, database, CreateSet(),
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asAt) ?? DateOnly.FromDateTime(DateTime.Today);
            var target = SightlineDatabase.Parse(parse.GetValue(database));
            target.Migrate();
            using var db = target.Open();
            var council = db.Councils.AsNoTracking().OrderBy(c => c.Id).FirstOrDefault();
            var versions = LocalStandardsStore.Versions(db);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(date, versions);
            }
            else
            {
                WriteTable(date, council, versions);
            }

            return 0;
        });
        return command;
    }

    private static Command CreateSet()
    {
        var from = Terminal.DateOption("--from", "The first day the new version is in force. Recording the same date again replaces that version.");
        from.Required = true;
        var settings = LocalStandards.Settings.Select(s => (Setting: s, Option: SettingOption(s))).ToList();
        var database = Terminal.DatabaseOption();
        var command = new Command("set",
            "Record a version of the local standards in force from a date: the settings given, and every other setting as in the version in force on that date " +
            "(the defaults when there is none). Versions after the date are not changed. Needs a council in the database.")
        {
            from, database,
        };
        foreach (var (_, option) in settings)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var changes = settings.Where(s => parse.GetValue(s.Option) is not null).ToDictionary(s => s.Setting, s => parse.GetValue(s.Option)!.Value);
            if (changes.Count == 0)
            {
                throw new ArgumentException($"Give at least one setting to change, for example --{LocalStandards.Settings[0].Name} {LocalStandards.Settings[0].Default}; `sightline standards set --help` lists them.");
            }

            var date = parse.GetValue(from)!.Value;
            var target = SightlineDatabase.Parse(parse.GetValue(database));
            target.Migrate();
            using var db = target.Open();
            var change = LocalStandardsStore.Set(db, date, changes, $"{Environment.UserName}, sightline standards set", DateTime.UtcNow);

            AnsiConsole.MarkupLine($"Recorded the local standards in force from {date:d MMMM yyyy} ({(change.Replaced ? "replacing the version recorded for that date" : "a new version")}).");
            var changed = change.Changed.ToList();
            if (changed.Count == 0)
            {
                AnsiConsole.MarkupLine("No setting differs from the standards in force on that date before.");
            }
            else
            {
                var table = new Table().AddColumn("Setting").AddColumn(new TableColumn("Was").RightAligned()).AddColumn(new TableColumn("Now").RightAligned()).AddColumn("Unit");
                foreach (var setting in changed)
                {
                    table.AddRow(setting.Name, setting.Of(change.Before).ToString(CultureInfo.InvariantCulture), setting.Of(change.After).ToString(CultureInfo.InvariantCulture), setting.Unit);
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine("Every other setting is as it was in force on that date.");
            }

            var later = LocalStandardsStore.Versions(db).Where(v => v.EffectiveFrom > date).Select(v => $"{v.EffectiveFrom:d MMMM yyyy}").ToList();
            if (later.Count > 0)
            {
                AnsiConsole.MarkupLine($"[yellow]Later versions are not changed:[/] from {string.Join(", ", later)}.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The option for one setting: <c>--</c> and the setting's name, a whole number, with its meaning, unit, bounds and default as help.</summary>
    private static Option<int?> SettingOption(LocalStandardSetting setting)
    {
        var name = $"--{setting.Name}";
        return new Option<int?>(name)
        {
            Description = $"{setting.Meaning} In {setting.Unit}, {setting.Minimum}–{setting.Maximum}; default {setting.Default}.",
            HelpName = "N",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                result.AddError($"{name} expects a whole number of {setting.Unit}, not '{text}'.");
                return null;
            },
        };
    }

    private static void WriteTable(DateOnly date, Council? council, List<LocalStandardsVersion> versions)
    {
        var standards = versions.Select(v => v.ToStandards()).ToList();
        var history = new LocalStandardsHistory(standards);
        var inForce = history.InForceOn(date);
        var heading = $"[bold]Local standards as at {date:d MMMM yyyy}[/]";
        AnsiConsole.MarkupLine(council is null
            ? $"{heading}: the database holds no council yet, so the defaults are in force."
            : versions.Count == 0
                ? $"{heading}: {Markup.Escape(council.Name)} has recorded none, so the defaults are in force."
                : inForce.EffectiveFrom == DateOnly.MinValue
                    ? $"{heading}: the defaults are in force ({Markup.Escape(council.Name)}'s first version starts later)."
                    : $"{heading}: {Markup.Escape(council.Name)}'s version from {inForce.EffectiveFrom:d MMMM yyyy} is in force.");

        var settings = new Table().AddColumn(new TableColumn("Setting").NoWrap()).AddColumn(new TableColumn("In force").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Default").RightAligned()).AddColumn("Meaning");
        foreach (var setting in LocalStandards.Settings)
        {
            var value = setting.Of(inForce);
            var shown = $"{value} {setting.Unit}";
            settings.AddRow(setting.Name, value == setting.Default ? shown : $"[bold]{shown}[/]", $"{setting.Default}", Markup.Escape(setting.Meaning));
        }

        AnsiConsole.Write(settings);
        if (versions.Count == 0)
        {
            AnsiConsole.MarkupLine("Record a version with `sightline standards set --from DATE --SETTING N`.");
            return;
        }

        AnsiConsole.MarkupLine("Versions, each with what changed from the standards in force before it:");
        var before = LocalStandards.Defaults;
        for (var i = 0; i < versions.Count; i++)
        {
            var version = standards[i];
            var changes = version.ChangedFrom(before).Select(s => $"{s.Name} {s.Of(before)} → {s.Of(version)}").ToList();
            var from = ReferenceEquals(version, inForce) ? $"[bold]from {version.EffectiveFrom:d MMMM yyyy} (in force)[/]" : $"from {version.EffectiveFrom:d MMMM yyyy}";
            AnsiConsole.MarkupLine($"  {from}: {(changes.Count == 0 ? "no change" : string.Join(", ", changes))}; recorded {versions[i].RecordedAtUtc:yyyy-MM-dd HH:mm} UTC by {Markup.Escape(versions[i].RecordedBy)}.");
            before = version;
        }
    }

    private static void WriteJson(DateOnly date, List<LocalStandardsVersion> versions)
    {
        var inForce = new LocalStandardsHistory(versions.Select(v => v.ToStandards())).InForceOn(date);
        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            asAt = date,
            inForceFrom = inForce.EffectiveFrom == DateOnly.MinValue ? (DateOnly?)null : inForce.EffectiveFrom,
            settings = LocalStandards.Settings.Select(s => new
            {
                name = s.Name, meaning = s.Meaning, unit = s.Unit, @default = s.Default, minimum = s.Minimum, maximum = s.Maximum, inForce = s.Of(inForce),
            }),
            versions = versions.Select(v => (Stored: v, Standards: v.ToStandards())).Select(v => new
            {
                from = v.Stored.EffectiveFrom,
                recordedAtUtc = DateTime.SpecifyKind(v.Stored.RecordedAtUtc, DateTimeKind.Utc),
                recordedBy = v.Stored.RecordedBy,
                inForce = v.Stored.EffectiveFrom == inForce.EffectiveFrom,
                values = LocalStandards.Settings.ToDictionary(s => s.Name, s => s.Of(v.Standards)),
            }),
        }, new JsonSerializerOptions { WriteIndented = true }));
    }
}
