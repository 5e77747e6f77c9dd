using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;
using Workspace.Server.Tests.Features.Documents;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Health;

/// <summary>
/// <c>backup PATH</c> runs as its own process beside a server that three editors keep writing to; <c>restore PATH</c>
/// puts the copy in a fresh data folder, and a server started there has every edit acknowledged before the backup.
/// </summary>
public sealed partial class BackupTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task BackupTakenUnderEditLoadRestoresEveryEditAcknowledgedBeforeIt()
    {
        await using var server = new ServerProcess();
        await server.StartAsync(_ct);
        var cookies = new CookieContainer();
        using var http = await server.SignUpAsync("Backup Tester", cookies, ct: _ct);
        var (partnershipId, documentId) = await DocumentTestKit.CreateDocumentAsync(http, "Backup", "Plan", _ct);
        var sessions = new List<CoEditingSession>();
        for (var i = 0; i < 3; i++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(server.BaseUrl + DocumentHubNames.Path, o => o.Cookies = cookies)
                .Build();
            await connection.StartAsync(_ct);
            sessions.Add(new CoEditingSession(connection, documentId));
            await sessions[^1].OpenAsync(_ct);
        }
        using var stop = new CancellationTokenSource();
        var typing = sessions.Select((s, i) => Task.Run(() => TypeAsync(s, i, stop.Token))).ToArray();
        // Enough acknowledged edits before the backup starts, however slowly a loaded machine acknowledges them.
        await DocumentTestKit.EventuallyAsync(
            () => sessions.SelectMany(s => Tokens(s.ConfirmedText)).Distinct().Count() > 30, TimeSpan.FromSeconds(60),
            "more than 30 acknowledged edits", _ct);

        var acknowledged = sessions.SelectMany(s => Tokens(s.ConfirmedText)).ToHashSet();
        var backup = Path.Combine(server.DataDirectory, "..", $"backup-{Guid.NewGuid():N}.db");
        var (exit, output) = await ServerProcess.RunCommandAsync(server.DataDirectory, _ct, "backup", backup);
        var afterBackup = sessions.SelectMany(s => Tokens(s.ConfirmedText)).ToHashSet();
        await stop.CancelAsync();
        await Task.WhenAll(typing);
        Assert.True(exit == 0, output);
        Assert.True(acknowledged.Count > 30, $"only {acknowledged.Count} edits were acknowledged before the backup");
        Assert.True(afterBackup.Count > acknowledged.Count, "people kept editing while the backup ran");

        await using var restored = new ServerProcess();
        (exit, output) = await ServerProcess.RunCommandAsync(restored.DataDirectory, _ct, "restore", backup);
        Assert.True(exit == 0, output);
        await restored.StartAsync(_ct);
        // The sign-in cookie is good there too: the data-protection keys are in the restored database.
        using var readBack = new HttpClient(
            new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(restored.BaseUrl) };
        var content = await readBack.GetFromJsonAsync<DocumentTestKit.DocumentContentDto>(
            $"/api/partnerships/{partnershipId}/documents/{documentId}",
            _ct);
        var missing = acknowledged.Except(Tokens(content!.Text)).ToList();
        Assert.True(
            missing.Count == 0,
            $"acknowledged before the backup but not in it: {string.Join(", ", missing.Take(10))}");
        File.Delete(backup);
    }

    private static async Task TypeAsync(CoEditingSession session, int who, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var token = $"[b{who}-{n}]";
            session.Edit(text => TextOperation.Insert(text.LastIndexOf(']') + 1, token));
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private static IEnumerable<string> Tokens(string text) => Token().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\[b\d+-\d+\]")]
    private static partial Regex Token();
}
