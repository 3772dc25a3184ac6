using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Web.Access;

namespace Sightline.Web.Pages;

/// <summary>The start page: My work for those who see children, the access log for administrators.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        Roles.WithChildren.Any(User.IsInRole) ? Redirect("/my-work")
        : User.IsInRole(Roles.Administrator) ? Redirect("/admin/access-log")
        : Forbid();
}
