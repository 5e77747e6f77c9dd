using Workspace.Server.Features.Accounts;
using Workspace.Server.Features.Agreements;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Dashboard;
using Workspace.Server.Features.Disputes;
using Workspace.Server.Features.Files;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Goals;
using Workspace.Server.Features.Health;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Features.Notifications;
using Workspace.Server.Features.Partnerships;
using Workspace.Server.Features.Reviews;
using Workspace.Server.Features.Search;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

// backup PATH, restore PATH and acknowledge run instead of the server (README, "Backup and restore").
var (command, settings) = DatabaseCommands.Parse(args);
var builder = WebApplication.CreateBuilder(settings);
if (command is not null)
{
    return await command(builder);
}

builder.AddWorkspaceDatabase();
builder.AddWorkspaceOrleans();
builder.AddWorkspaceClusterPresence();
builder.AddWorkspaceAuth();
builder.AddWorkspaceLive();
builder.AddWorkspaceKernel();
builder.AddWorkspaceDocuments();
builder.AddWorkspaceAgreements();
builder.AddWorkspaceDisputes();
builder.AddWorkspaceFiles();
builder.AddWorkspaceNotifications();
builder.AddWorkspaceJson();
builder.AddWorkspaceBadRequests();
builder.AddWorkspaceMarkdown();
builder.AddWorkspaceAntiforgery();
builder.AddWorkspaceRateLimiting();
builder.AddWorkspaceSecurityHeaders();
builder.AddWorkspaceCompression();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

if (!await app.MigrateWorkspaceDatabaseAsync())
{
    return 3; // damaged: the reasons and what to do were written to stderr
}

app.UseWorkspaceSecurityHeaders();
app.UseWorkspaceCompression();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWorkspaceFrontEnd();
app.UseAuthentication();
app.UseAuthorization();
app.UseWorkspaceAntiforgery();
app.UseWorkspaceRateLimiting();
app.UseUnparsedParametersNamed();

app.MapOpenApi();
app.MapHealth();
app.MapAccounts();
app.MapPartnerships();
app.MapGoals();
app.MapActionItems();
app.MapMeetings();
app.MapDisputes();
app.MapReviews();
app.MapFiles();
app.MapSearch();
app.MapNotifications();
app.MapDashboard();
app.MapDocuments();
app.MapAgreements();
app.MapLive();
app.MapWorkspaceFrontEndFallback();

await app.RunAsync();
return 0;

public partial class Program;
