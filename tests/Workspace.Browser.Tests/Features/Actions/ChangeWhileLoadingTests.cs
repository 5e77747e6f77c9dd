using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Actions;

/// <summary>
/// A change made while a partner's page is still reading the action items: the read was answered before the change,
/// the change's push arrives before the answer. Before, the page subscribed only after its read and never showed the
/// new item until the next change; now what is pushed while the page loads is applied once the read is in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChangeWhileLoadingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnItemAddedWhileThePageReadsTheListIsShown()
    {
        var ct = TestContext.Current.CancellationToken;
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/action-items",
            new { title = "Send draft MoU", status = "Open", version = 0 });

        // Budi's page hears of Rina's new item on the partnership's live channel.
        var pushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        budi.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Text?.Contains("Book the warehouse", StringComparison.Ordinal) == true) pushed.TrySetResult();
        };
        // Budi's read of the list is answered by the server now, but reaches his page only after that push.
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await budi.RouteAsync($"**/api/partnerships/{pid}/action-items", async route =>
        {
            var answer = await route.FetchAsync();
            read.TrySetResult();
            await pushed.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await route.FulfillAsync(new() { Response = answer });
        });

        await budi.GotoAsync($"/p/{pid}/actions");
        await read.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/action-items",
            new { title = "Book the warehouse", status = "Open", version = 0 });

        await Assertions.Expect(budi.Locator(".item-card", new() { HasText = "Send draft MoU" })).ToHaveCountAsync(1);
        await Assertions.Expect(budi.Locator(".item-card", new() { HasText = "Book the warehouse" }))
            .ToHaveCountAsync(1);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }
}
