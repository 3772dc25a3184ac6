using System.CommandLine;
using System.Text;
using Spectre.Console;
using Sightline.Oversight;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline rules</c>: the catalogue of alert rules and indicators, with each one's definition and source. The
/// reference page <c>docs/rules.md</c> is this command's Markdown output.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "table or markdown (the reference page).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown");
        var command = new Command("rules", "The alert rules: what each means exactly, where it comes from, and what clears it.") { format };
        command.SetAction(parse =>
        {
            if (parse.GetValue(format) == "markdown")
            {
                Console.Out.Write(Markdown());
                return 0;
            }

            var table = new Table().AddColumn("Rule").AddColumn("Fires when").AddColumn("Source");
            foreach (var rule in RuleCatalogue.All)
            {
                table.AddRow($"[bold]{Markup.Escape(rule.Info.Name)}[/]\n{rule.Info.Id}", Markup.Escape(rule.Info.Definition), Markup.Escape(rule.Info.Source));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static string Bands(IReadOnlyList<int> bands, string unit) =>
        $"in {unit} 1–{bands[0]} low, {bands[0] + 1}–{bands[1]} medium, {bands[1] + 1}–{bands[2]} high, over {bands[2]} critical";

    /// <summary>The reference page, generated from the catalogue so that no rule is described twice.</summary>
    public static string Markdown()
    {
        var page = new StringBuilder();
        page.Append("# Alert rules and indicators\n\n");
        page.Append("Generated from the rule catalogue by `sightline rules --format markdown`: do not edit by hand.\n");
        page.Append("Every rule is judged as at a chosen date, on the England and Wales working-day calendar, under the\n");
        page.Append($"local standards in force on that date. Severity rises with time overdue: {Bands(Severities.WorkingDayBands, "working days")};\n");
        page.Append($"{Bands(Severities.DayBands, "calendar days")}.\n\n");
        page.Append("| rule | id | fires when | counted in | also needs | source | clears when |\n|---|---|---|---|---|---|---|\n");
        foreach (var rule in RuleCatalogue.All.Select(r => r.Info))
        {
            page.Append($"| {rule.Name} | `{rule.Id}` | {rule.Definition} | {(rule.Counting == Counting.WorkingDays ? "working days" : "days")} | {(rule.Needs.Length == 0 ? "the CIN census" : string.Join(", ", rule.Needs))} | {rule.Source} | {rule.ClearsWhen} |\n");
        }

        page.Append("\n## Indicators\n\n| indicator | id | definition | unit | also needs | England | source |\n|---|---|---|---|---|---|---|\n");
        foreach (var indicator in IndicatorCatalogue.All.Select(i => i.Info))
        {
            var england = indicator.England is { } e ? $"{e:0.0##} ({indicator.EnglandNote})" : "–";
            var needs = indicator.Needs.Count == 0 ? "–" : string.Join(", ", indicator.Needs);
            page.Append($"| {indicator.Name} | `{indicator.Id}` | {indicator.Definition} | {indicator.Unit} | {needs} | {england} | {indicator.Source} |\n");
        }

        page.Append("\n## Local standards and their defaults\n\n");
        page.Append("Each council may set its own, version by version from a date (`sightline standards set`); a date is judged under the\n");
        page.Append("version in force on it, and under these defaults before the council's first version.\n\n");
        page.Append("| setting | meaning | unit | default | allowed |\n|---|---|---|---|---|\n");
        foreach (var setting in LocalStandards.Settings)
        {
            page.Append($"| `{setting.Name}` | {setting.Meaning} | {setting.Unit} | {setting.Default} | {setting.Minimum}–{setting.Maximum} |\n");
        }

        return page.ToString();
    }
}
