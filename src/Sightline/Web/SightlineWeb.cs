using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Sightline.Cli;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web;

/// <summary>How the web server is started: where the records are, where to listen, and what to show.</summary>
/// <param name="Database">The council's database (already migrated).</param>
/// <param name="DataFolder">Sightline's data folder: <c>sightline.json</c> and <c>bank-holidays.csv</c> are read from it.</param>
internal sealed record WebOptions(SightlineDatabase Database, string DataFolder)
{
    /// <summary>The addresses to listen on; port 0 picks a free port.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5000"];

    /// <summary>A fixed today (see <see cref="SightlineClock"/>); null for the real date.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>True for the demonstration council: every page says the records are made up.</summary>
    public bool Demonstration { get; init; }

    /// <summary>Settings that take precedence over sightline.json and the environment (the tests' own).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The clock sessions and the access log keep time by; the system's unless a test moves time on.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Another place for the server's log to go, beside the console (the tests read it back).</summary>
    public ILoggerProvider? ExtraLog { get; init; }
}

/// <summary>What every page's layout needs to know about the site.</summary>
/// <param name="Demonstration">Whether the records are a made-up demonstration council.</param>
/// <param name="SingleSignOnName">The name of the council's single sign-on, when it is configured.</param>
/// <param name="BrandColour">A brand colour from the configuration (#rrggbb), or null for Sightline's own.</param>
public sealed record SiteSettings(bool Demonstration, string? SingleSignOnName, string? BrandColour);

/// <summary>Sightline's web server: Razor Pages over the council's records, signed in with ASP.NET Core Identity
/// accounts (and the council's OpenID Connect single sign-on when configured).</summary>
internal static partial class SightlineWeb
{
    /// <summary>The authentication scheme of the council's single sign-on.</summary>
    public const string SingleSignOnScheme = "oidc";

    /// <summary>Pages are only for those whose role sees children (<see cref="Roles.WithChildren"/>).</summary>
    public const string ChildrenPolicy = "children";

    /// <summary>The council dashboard: aggregate figures, no child named, for the roles that oversee or report on the
    /// service (<see cref="Roles.Dashboard"/>).</summary>
    public const string DashboardPolicy = "dashboard";

    /// <summary>Pages only for administrators.</summary>
    public const string AdministrationPolicy = "administration";

    /// <summary>The Data pages (imports and the Annex A download): administrators and performance officers.</summary>
    public const string DataPolicy = "data";

    /// <summary>How long a session lasts without a request: each request within it starts the time again.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    public static WebApplication Build(WebOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The compiled pages and wwwroot sit beside sightline.dll, whichever process hosts it (the executable or a test).
            ApplicationName = typeof(SightlineWeb).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            Args = [],
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(options.DataFolder, "sightline.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("SIGHTLINE_")
            .AddInMemoryCollection(options.Settings);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // Framework logging is kept to warnings: at information it writes every request's path and query string.
        // Sightline's own messages carry identifiers only, never a name or a date of birth.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        if (options.ExtraLog is not null)
        {
            builder.Logging.AddProvider(options.ExtraLog);
        }

        var singleSignOn = builder.Configuration.GetSection("Oidc");
        var authority = singleSignOn["Authority"] is { Length: > 0 } a ? new Uri(a) : null;
        if (authority is not null)
        {
            CheckAuthority(authority, singleSignOn.GetValue<bool>("AllowHttpLoopback"));
        }

        var brand = builder.Configuration["Brand:Colour"];
        if (brand is not null && !BrandColour().IsMatch(brand))
        {
            throw new ArgumentException($"Brand:Colour must be a colour written #rrggbb, not '{brand}'.");
        }

        var services = builder.Services;
        services.AddSingleton(options.Database);
        // Each request's context opens its connection from a pool: opening a SQLite file afresh reads its schema again,
        // which cost more than the rest of a small page (every request reads the account to check its security stamp).
        var pooled = Pooled(options.Database);
        services.AddScoped<SightlineDbContext>(_ => pooled.Open());
        services.AddSingleton(options.Time);
        services.AddSingleton(provider => new SightlineClock(provider.GetRequiredService<TimeProvider>(), options.Today));
        services.AddSingleton(_ => new CouncilStore(() => new CouncilData(SnapshotLoader.Load(options.Database), CalendarConfiguration.Load(options.DataFolder))));
        services.AddTransient(provider => provider.GetRequiredService<CouncilStore>().Current);
        services.AddSingleton(provider => new ImportJobs(options.Database, provider.GetRequiredService<CouncilStore>(),
            Path.Combine(options.DataFolder, "uploads"), provider.GetRequiredService<ILogger<ImportJobs>>()));
        services.AddSingleton(new SiteSettings(options.Demonstration, authority is null ? null : singleSignOn["DisplayName"] ?? "single sign-on", brand));
        services.AddScoped<ChildAccess>();
        services.AddScoped<AccessLog>();
        services.AddSingleton(new AccessLogWriter(pooled));
        services.AddScoped<SupervisionAccess>();
        services.AddScoped<SupervisionRecorder>();

        // Session and anti-forgery cookies are protected with keys kept in the data folder, so that sessions survive
        // a restart.
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataFolder, "keys")))
            .SetApplicationName("sightline");
        services.AddIdentity<SightlineUser, IdentityRole>(AccountRules.Apply)
            .AddEntityFrameworkStores<SightlineDbContext>();
        // Every request checks the account is still enabled and unchanged, so disabling it ends its sessions at once.
        services.Configure<SecurityStampValidatorOptions>(validator => validator.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<ISecurityStampValidator, SecurityStampCheck>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "sightline.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/sign-in";
            cookie.LogoutPath = "/sign-out";
            cookie.Events.OnRedirectToLogin = context =>
            {
                // The API and its description answer 401 rather than sending a program to the sign-in page.
                if (Api.IsApi(context.Request.Path))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                // A page the user's roles do not allow: refused with 403 (not a redirect) and written to the access log.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.HttpContext.RequestServices.GetRequiredService<AccessLog>()
                    .RefusedPage(context.HttpContext.User, $"Page {context.Request.Path}", "Not allowed for the account's roles.");
                return Task.CompletedTask;
            };
        });
        services.ConfigureExternalCookie(cookie =>
        {
            cookie.Cookie.Name = "sightline.external";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        if (authority is not null)
        {
            services.AddAuthentication().AddOpenIdConnect(SingleSignOnScheme, singleSignOn["DisplayName"] ?? "Single sign-on", oidc =>
            {
                oidc.Authority = authority.ToString();
                // Only a loopback provider allowed by Oidc:AllowHttpLoopback gets here over plain HTTP (see CheckAuthority).
                oidc.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
                oidc.ClientId = singleSignOn["ClientId"] ?? throw new ArgumentException("Oidc:ClientId is needed with Oidc:Authority.");
                oidc.ClientSecret = singleSignOn["ClientSecret"];
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SignInScheme = IdentityConstants.ExternalScheme;
                oidc.CallbackPath = "/signin-oidc";
                oidc.SignedOutCallbackPath = "/signout-callback-oidc";
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = true;
                oidc.SaveTokens = false;
                oidc.Scope.Add("email");
                oidc.Events.OnRemoteFailure = context =>
                {
                    // An answer from the provider that could not be trusted (a wrong state, nonce, audience, issuer
                    // or signature, or an error the provider sent back): no session, and the refusal page rather
                    // than an error. The log says only which check failed, never who was signing in.
                    SingleSignOnFailed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SightlineWeb)),
                        context.Failure?.GetType().Name ?? "unknown");
                    context.Response.Redirect("/sign-in/sso?failed=true");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "sightline.antiforgery";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__RequestVerificationToken";
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ChildrenPolicy, policy => policy.RequireRole(Roles.WithChildren))
            .AddPolicy(AdministrationPolicy, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(DataPolicy, policy => policy.RequireRole(Roles.Administrator, Roles.Performance))
            .AddPolicy(DashboardPolicy, policy => policy.RequireRole(Roles.Dashboard));
        Api.AddTo(services);
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Account/SingleSignOn");
            pages.Conventions.AllowAnonymousToPage("/Error");
            pages.Conventions.AuthorizeFolder("/MyWork", ChildrenPolicy);
            pages.Conventions.AuthorizeFolder("/Children", ChildrenPolicy);
            pages.Conventions.AuthorizeFolder("/Admin", AdministrationPolicy);
            pages.Conventions.AuthorizeFolder("/Data", DataPolicy);
            pages.Conventions.AuthorizeFolder("/Settings", AdministrationPolicy);
            pages.Conventions.AuthorizeFolder("/Teams", ChildrenPolicy);
            pages.Conventions.AuthorizeFolder("/Plo", ChildrenPolicy);
            pages.Conventions.AuthorizeFolder("/LongPlans", ChildrenPolicy);
            pages.Conventions.AuthorizeFolder("/Dashboard", DashboardPolicy);
        });

        var app = builder.Build();
        app.UseSecurityHeaders(authority is null ? null : authority.GetLeftPart(UriPartial.Authority));
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/brand.css", (SiteSettings site) => Results.Text(
                site.BrandColour is { } colour ? $":root{{--govuk-brand-colour:{colour};}}\n" : "/* Sightline's own brand colour */\n", "text/css"))
            .AllowAnonymous();
        app.MapRazorPages();
        Api.Map(app);
        return app;
    }

    /// <summary>The database with its connections pooled (SQLite's are not by default, so that a file can be
    /// replaced or deleted once a command is done with it; the server keeps the file open while it runs).</summary>
    private static SightlineDatabase Pooled(SightlineDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? database with { ConnectionString = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ConnectionString }
        : database;

    /// <summary>Refuses a single sign-on provider that is not reached over HTTPS, unless it is on this machine
    /// (a loopback address or <c>localhost</c>) and <c>Oidc:AllowHttpLoopback</c> is true: tokens and the provider's
    /// keys must never cross a network unencrypted.</summary>
    /// <exception cref="ArgumentException">When the authority is neither HTTPS nor an allowed loopback HTTP address.</exception>
    internal static void CheckAuthority(Uri authority, bool allowHttpLoopback)
    {
        if (authority.Scheme == Uri.UriSchemeHttps)
        {
            return;
        }

        if (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback && allowHttpLoopback)
        {
            return;
        }

        throw new ArgumentException(authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback
            ? $"Oidc:Authority '{authority}' is plain HTTP: set Oidc:AllowHttpLoopback to true to allow it for a provider on this machine, or use HTTPS."
            : $"Oidc:Authority must be an HTTPS address, not '{authority}' (plain HTTP is allowed only for a provider on this machine, with Oidc:AllowHttpLoopback).");
    }

    /// <summary>Loads the council's records into memory before the first request, and says how long it took.</summary>
    public static void LoadCouncil(WebApplication app)
    {
        var timer = Stopwatch.StartNew();
        var council = app.Services.GetRequiredService<CouncilData>();
        Loaded(app.Logger, council.Snapshot.Children.Count, timer.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Children} children's records in {Seconds:N1} s")]
    private static partial void Loaded(ILogger logger, int children, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on refused: the provider's answer failed its checks ({Failure})")]
    private static partial void SingleSignOnFailed(ILogger logger, string failure);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex BrandColour();
}
