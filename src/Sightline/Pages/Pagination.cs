namespace Sightline.Web.Pages;

/// <summary>Links to the pages of a long list, for the shared pagination partial.</summary>
/// <param name="Current">The page shown, from 1.</param>
/// <param name="Count">How many pages there are.</param>
/// <param name="Label">What the navigation is called to a screen reader ("Pages of alerts").</param>
/// <param name="Href">The address of a page.</param>
/// <param name="Previous">The word for the previous page ("Previous", "Newer").</param>
/// <param name="Next">The word for the next page ("Next", "Older").</param>
public sealed record Pagination(int Current, int Count, string Label, Func<int, string> Href, string Previous = "Previous", string Next = "Next");
