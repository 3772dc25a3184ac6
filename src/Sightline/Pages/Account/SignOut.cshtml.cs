using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Storage;

namespace Sightline.Web.Pages.Account;

/// <summary>Signing out: a POST (with its anti-forgery token), so that no link or image can sign someone out.</summary>
public sealed class SignOutModel(SignInManager<SightlineUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/sign-in");
    }
}
