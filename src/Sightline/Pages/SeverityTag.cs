using Microsoft.AspNetCore.Html;
using Sightline.Oversight;

namespace Sightline.Web.Pages;

/// <summary>An alert's severity as a GOV.UK tag: red for critical, orange for high, yellow for medium, grey for low.
/// Written once per severity rather than as a partial view, which costs a view look-up on every row of a list.</summary>
public static class SeverityTag
{
    private static readonly Dictionary<Severity, HtmlString> Tags = Enum.GetValues<Severity>().ToDictionary(s => s, s => new HtmlString(
        $"<strong class=\"govuk-tag {s switch
        {
            Severity.Critical => "govuk-tag--red",
            Severity.High => "govuk-tag--orange",
            Severity.Medium => "govuk-tag--yellow",
            _ => "govuk-tag--grey",
        }}\">{s}</strong>"));

    public static IHtmlContent For(Severity severity) => Tags[severity];
}
