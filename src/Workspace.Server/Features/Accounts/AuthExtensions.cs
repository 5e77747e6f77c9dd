using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Workspace.Server.Data;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Accounts;

/// <summary>
/// An external OpenID Connect provider, switched on by configuration alone: when
/// <see cref="Authority"/> and <see cref="ClientId"/> are set, the <c>oidc</c> scheme is registered
/// and the sign-in page offers it.
/// </summary>
public sealed class ExternalLoginOptions
{
    public const string Section = "Authentication:OpenIdConnect";
    public const string Scheme = "oidc";

    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>Button text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    public string CallbackPath { get; set; } = "/signin-oidc";

    public string[] Scopes { get; set; } = ["openid", "profile", "email"];

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

public static class AuthExtensions
{
    public static void AddWorkspaceAuth(this WebApplicationBuilder builder)
    {
        var external = builder.Configuration.GetSection(ExternalLoginOptions.Section).Get<ExternalLoginOptions>()
            ?? new ExternalLoginOptions();
        builder.Services.AddOptions<ExternalLoginOptions>().BindConfiguration(ExternalLoginOptions.Section);

        // Keys live in the database: sign-ins survive restarts and every node of a cluster shares them.
        builder.Services.AddDataProtection().SetApplicationName("PartnershipWorkspace")
            .PersistKeysToDbContext<WorkspaceDb>();
        var authentication = builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        if (external.Enabled)
        {
            AddExternalLogin(authentication, external);
        }
        builder.Services.AddAuthorization();
        builder.Services.AddIdentityCore<WorkspaceUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length and unguessability (PasswordStrength), not rules of composition.
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequiredLength = PasswordStrength.MinimumLength;
                // No global lockout, which anyone knowing an address could set off: SignInThrottle instead.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<WorkspaceDb>()
            .AddPasswordValidator<PasswordStrength>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "workspace.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            // An API answers 401/403; it never redirects to a login page.
            o.Events.OnRedirectToLogin = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // Instead of Identity's check every 30 minutes: a session ends the moment its person signs out or
            // changes the password, on every request (stamps are cached for two seconds, see SessionStamps).
            o.Events.OnValidatePrincipal = RejectEndedSessionAsync;
        });
        builder.Services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<UnknownAccountPassword>();
        builder.Services.AddSingleton<SessionStamps>();
        builder.Services.AddSingleton<SessionHubFilter>();
        builder.Services.AddHostedService<SessionSweep>();
        builder.Services.AddOptions<HubOptions>().Configure<SessionHubFilter>((o, filter) => o.AddFilter(filter));
        // The external cookie must survive the cross-site redirect back from the provider.
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            IdentityConstants.ExternalScheme, o => o.Cookie.SameSite = SameSiteMode.Lax);
    }

    private static void AddExternalLogin(AuthenticationBuilder authentication, ExternalLoginOptions external) =>
        authentication.AddOpenIdConnect(ExternalLoginOptions.Scheme, external.DisplayName, o =>
        {
            o.Authority = external.Authority;
            o.ClientId = external.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(external.ClientSecret) ? null : external.ClientSecret;
            o.CallbackPath = external.CallbackPath;
            o.RequireHttpsMetadata = external.RequireHttpsMetadata;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = "name";
            o.Scope.Clear();
            foreach (var scope in external.Scopes)
            {
                o.Scope.Add(scope);
            }
            // The external identity lands in Identity's external cookie; AccountApi links it to an account.
            o.SignInScheme = IdentityConstants.ExternalScheme;
        });

    private static async Task RejectEndedSessionAsync(CookieValidatePrincipalContext context)
    {
        var stamps = context.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
        if (!await stamps.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
