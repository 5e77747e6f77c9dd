using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>
/// A page reads its data once it receives the partnership's live changes, or reads again when that comes late: a
/// change the partner makes while the page's join is still on its way is never missed (it used to stay unseen until
/// the next reload, because only a reconnect made pages read again).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveJoinTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("actions")]
    [InlineData("")]
    public async Task AChangeMadeWhileThePageIsStillJoiningShowsOnceTheJoinGoesThrough(string section)
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, _) = await PartnershipSeed.FilledAsync(rina.Context, budi.Context);
        var releaseJoin = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var joinHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Rina's first join of the partnership is held back (a slow phone line) until Budi has added an item.
        await rina.RouteWebSocketAsync(new Regex("/hubs/partnership"), ws =>
        {
            var server = ws.ConnectToServer();
            ws.OnMessage(async frame =>
            {
                if (frame.Text is { } text && text.Contains("JoinPartnership") && !releaseJoin.Task.IsCompleted)
                {
                    joinHeld.TrySetResult();
                    await releaseJoin.Task;
                }
                if (frame.Text is null)
                {
                    server.Send(frame.Binary!);
                }
                else
                {
                    server.Send(frame.Text);
                }
            });
        });
        await rina.GotoAsync($"/p/{pid}/{section}");
        await joinHeld.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        await Assertions.Expect(rina.Locator("h1")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(rina.GetByText("Send draft MoU to partner").First).ToBeVisibleAsync();

        await ApiSeed.PostAsync(budi.Context, $"/api/partnerships/{pid}/action-items", new
        {
            title = "Book the Subang warehouse", dueDate = "2026-02-01", status = "Open", version = 0,
        });
        await Assertions.Expect(rina.GetByText("Book the Subang warehouse")).ToHaveCountAsync(0);
        releaseJoin.SetResult();

        await Assertions.Expect(rina.GetByText("Book the Subang warehouse").First).ToBeVisibleAsync();
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }
}
