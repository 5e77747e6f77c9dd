using Workspace.Server.Features.Accounts;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Dashboard;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Goals;
using Workspace.Server.Features.Health;
using Workspace.Server.Features.Live;
using Workspace.Server.Features.Partnerships;
using Workspace.Server.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddWorkspaceDatabase();
builder.AddWorkspaceOrleans();
builder.AddWorkspaceAuth();
builder.AddWorkspaceLive();
builder.AddWorkspacePartnerships();
builder.AddWorkspaceDocuments();
builder.AddWorkspaceJson();
builder.AddWorkspaceMarkdown();
builder.AddWorkspaceAntiforgery();
builder.AddWorkspaceRateLimiting();
builder.AddWorkspaceSecurityHeaders();
builder.AddWorkspaceCompression();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

await app.MigrateWorkspaceDatabaseAsync();

app.UseWorkspaceSecurityHeaders();
app.UseWorkspaceCompression();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWorkspaceFrontEnd();
app.UseAuthentication();
app.UseAuthorization();
app.UseWorkspaceAntiforgery();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealth();
app.MapAccounts();
app.MapPartnerships();
app.MapGoals();
app.MapActionItems();
app.MapDashboard();
app.MapDocuments();
app.MapLive();
app.MapWorkspaceFrontEndFallback();

app.Run();

public partial class Program;
