using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Storage;
using Sightline.Web.Pages.Rules;

namespace Sightline.Web.Pages.Settings;

/// <summary>One problem with the form, and the field it is about (for the error summary's link).</summary>
public sealed record FormError(string FieldId, string Message);

/// <summary>The local standards, for administrators: every version, and a form to record a new one from a date
/// through <see cref="LocalStandardsStore.Set"/> (the same checks and copying as <c>sightline standards set</c>). A
/// setting left blank keeps the value in force on that date. The version is recorded as made by the signed-in
/// account, and the council's records are loaded again so that every page judges under it.</summary>
public sealed class IndexModel(CouncilData council, CouncilStore store, SightlineClock clock, SightlineDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(Name = "from-day")]
    public string? Day { get; set; }

    [BindProperty(Name = "from-month")]
    public string? Month { get; set; }

    [BindProperty(Name = "from-year")]
    public string? Year { get; set; }

    /// <summary>The values typed, by setting name; blank for "as in force on the date".</summary>
    [BindProperty(Name = "setting")]
    public Dictionary<string, string?> Values { get; set; } = [];

    public StandardsView View { get; private set; } = null!;
    public List<FormError> Errors { get; } = [];

    /// <summary>What the last save did, shown after the redirect.</summary>
    [TempData]
    public string? Saved { get; set; }

    public void OnGet() => Load();

    public IActionResult OnPost()
    {
        var from = DateInput.Parse(Day, Month, Year);
        if (from is null)
        {
            Errors.Add(new FormError("from-day", "Enter the date the version applies from as a real date, for example 1 4 2027."));
        }

        var changes = new Dictionary<LocalStandardSetting, int>();
        foreach (var setting in LocalStandards.Settings)
        {
            if (Values.GetValueOrDefault(setting.Name) is not { Length: > 0 } typed || string.IsNullOrWhiteSpace(typed))
            {
                continue;
            }

            if (int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                changes[setting] = value;
            }
            else
            {
                Errors.Add(new FormError($"setting-{setting.Name}", $"Enter {setting.Name} as a whole number of {setting.Unit}, from {setting.Minimum} to {setting.Maximum}."));
            }
        }

        if (Errors.Count == 0)
        {
            try
            {
                var change = LocalStandardsStore.Set(db, from!.Value, changes, $"{User.Identity?.Name}, settings page", time.GetUtcNow().UtcDateTime);
                store.Reload();
                var changed = change.Changed.Select(s => $"{s.Name} {s.Of(change.Before)} to {s.Of(change.After)}").ToList();
                Saved = $"{(change.Replaced ? "Replaced the version" : "Recorded a version")} from {from:d MMMM yyyy}: " +
                        (changed.Count == 0 ? "no setting differs from the one in force before." : string.Join("; ", changed) + ".");
                return RedirectToPage();
            }
            catch (ArgumentException problem)
            {
                var field = changes.Keys.FirstOrDefault(s => problem.Message.Contains(s.Name, StringComparison.Ordinal));
                Errors.Add(new FormError(field is null ? "setting-" + LocalStandards.Settings[0].Name : $"setting-{field.Name}", problem.Message));
            }
            catch (InvalidOperationException problem)
            {
                Errors.Add(new FormError("from-day", problem.Message));
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Load();
        return Page();
    }

    public bool HasError(string fieldId) => Errors.Any(e => e.FieldId == fieldId);

    private void Load()
    {
        var today = clock.Today;
        View = new StandardsView(today, council.AsAt(today).Standards, LocalStandardsStore.Versions(db));
    }
}
