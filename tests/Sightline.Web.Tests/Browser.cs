using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Testing;

namespace Sightline.Web.Tests;

/// <summary>Debian's Chromium (never a browser Playwright downloads), started once for the web tests' collection,
/// headless with the flags a container needs.</summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where Debian's <c>chromium</c> package puts the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Set by scripts/test: a missing browser must fail the browser tests, never skip them.</summary>
    public const string RequireVariable = "SIGHTLINE_REQUIRE_BROWSER";

    public const string NotInstalledReason = "Chromium is not installed at /usr/bin/chromium: run ./scripts/test, which installs it";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool Installed => File.Exists(ExecutablePath);

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public async Task InitializeAsync()
    {
        if (!Installed)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a fresh browser context (no cookies) on the server; JavaScript can be switched off.</summary>
    public async Task<BrowserPage> NewPageAsync(Uri server, bool javaScript = true)
    {
        var browser = _browser ?? throw new InvalidOperationException(NotInstalledReason);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            JavaScriptEnabled = javaScript,
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A browser fact: skipped, with the reason, when Chromium is not installed, except under scripts/test
/// (which sets SIGHTLINE_REQUIRE_BROWSER=1), where a missing browser fails instead.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.Installed && !Chromium.Required)
        {
            Skip = Chromium.NotInstalledReason;
        }
    }
}

/// <summary>The theory form of <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!Chromium.Installed && !Chromium.Required)
        {
            Skip = Chromium.NotInstalledReason;
        }
    }
}

/// <summary>One page in its own browser context, collecting what the console says (a content security policy
/// violation is reported there) so that a test can check nothing was refused.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(
        Path.Combine(SharedData.RepositoryRoot, "node_modules", "axe-core", "axe.min.js")));

    private readonly IBrowserContext _context;

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => Errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Errors.Add($"{response.Status} {response.Url}");
            }
        };
    }

    /// <summary>Any address but the sign-in page's.</summary>
    public static readonly Regex AnywhereButSignIn = new("^(?!.*/sign-in)");

    public IPage Page { get; }

    /// <summary>Console errors and uncaught script errors, in order.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Signs in through the form, as a person would.</summary>
    public async Task SignInAsync(string userName, string password = "demonstration")
    {
        await Page.GotoAsync("/sign-in");
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ArriveAsync(AnywhereButSignIn);
    }

    /// <summary>Waits until the page's address matches <paramref name="address"/> and its document has been read whole
    /// (its scripts run), for a page reached by a redirect, a form or the page's own script. The address and the
    /// document's state are polled rather than awaited as a navigation's load event: awaited so, the wait for the import
    /// report once timed out after the report had been reached, and so did the wait after signing in. On a timeout it
    /// fails saying where the page is, what its heading says, what went wrong in it, and <paramref name="context"/>'s
    /// account of the server.</summary>
    public async Task ArriveAsync(Regex address, float timeout = 30_000, Func<string>? context = null)
    {
        try
        {
            await Assertions.Expect(Page).ToHaveURLAsync(address, new() { Timeout = timeout });
            await Page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new() { PollingInterval = 100, Timeout = timeout });
        }
        catch (PlaywrightException waited)
        {
            var heading = await Page.Locator("main h1").AllInnerTextsAsync();
            throw new TimeoutException(
                $"The page did not reach {address} within {timeout / 1000:0} s: it is at {Page.Url}, headed '{string.Join(" / ", heading)}'" +
                $"{(Errors.Count > 0 ? $", with errors: {string.Join("; ", Errors)}" : "")}{(context is null ? "" : $". {context()}")}", waited);
        }
    }

    /// <summary>Submits the sign-in form with a password that should be refused, and waits for the form to come back.</summary>
    public async Task SignInAsyncExpectingFailure(string userName, string password)
    {
        await Page.GotoAsync("/sign-in");
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.Locator(".govuk-error-summary").WaitForAsync();
    }

    /// <summary>Runs axe-core on the page as it stands and returns its serious and critical violations, each as
    /// "rule: help (elements)".</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        // Evaluated through the browser's debugging protocol, which the page's content security policy does not govern.
        await Page.EvaluateAsync(AxeSource.Value);
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => {
                const results = await axe.run(document, { resultTypes: ['violations'] });
                return results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map(n => n.target.join(' ')).join('; ')})`);
            }
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Fails when the page has any serious or critical accessibility violation, a console error (such as a
    /// content security policy refusal), or when GOV.UK Frontend's script did not start. Needs JavaScript (axe-core
    /// runs in the page).</summary>
    public async Task ShouldBeCleanAsync()
    {
        var address = Page.Url;
        (await AccessibilityViolationsAsync()).Should().BeEmpty($"axe-core finds no serious or critical problem on {address}");
        Errors.Should().BeEmpty($"nothing is refused or fails on {address}");
        (await Page.EvaluateAsync<bool>("() => document.body.classList.contains('govuk-frontend-supported')"))
            .Should().BeTrue($"the design system's script runs under the content security policy on {address}");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
