using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Storage;

namespace Sightline.Web.Pages.Account;

/// <summary>Signing in with a Sightline account's user name and password.</summary>
public sealed partial class SignInModel(SignInManager<SightlineUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the last attempt failed, in words that do not say whether the account exists.</summary>
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Problem = "Enter your user name and password";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            Problem = "The user name or password is not right, or the account is locked";
            Password = null;
            return Page();
        }

        if (await signIn.UserManager.FindByNameAsync(UserName.Trim()) is { } user)
        {
            SignedIn(logger, user.Id);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in with a password")]
    private static partial void SignedIn(ILogger logger, string userId);
}
