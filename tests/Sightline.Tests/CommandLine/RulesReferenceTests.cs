using Sightline.Cli.Commands;
using Sightline.Testing;

namespace Sightline.Tests.CommandLine;

/// <summary>The rules reference page is generated from the catalogue and kept in step with it.</summary>
public sealed class RulesReferenceTests
{
    [Fact]
    public void DocsRulesPageIsTheCataloguesOwnOutput()
    {
        var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "rules.md"));
        page.Should().Be(RulesCommand.Markdown(), "docs/rules.md is regenerated with `sightline rules --format markdown > docs/rules.md` when a rule changes");
    }

    [Fact]
    public void EveryRuleAppearsOnThePageWithItsSource()
    {
        var page = RulesCommand.Markdown();
        foreach (var rule in Sightline.Oversight.RuleCatalogue.All)
        {
            page.Should().Contain($"`{rule.Info.Id}`").And.Contain(rule.Info.Source);
        }
    }
}
