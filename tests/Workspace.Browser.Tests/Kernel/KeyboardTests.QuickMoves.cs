using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Kernel;

public sealed partial class KeyboardTests
{
    [Fact]
    public async Task QuickPressesMoveACardAsFarAsPressedWhileEarlierMovesAreStillOnTheirWay()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, _) = await PartnershipSeed.FilledAsync(rina.Context, budi.Context);
        // The server's answers to Rina's moves reach her late (a slow phone line), and the live echo of her first
        // move is held back until she has pressed again.
        await rina.RouteAsync("**/action-items/*/move", async route =>
        {
            var response = await route.FetchAsync();
            await Task.Delay(1500);
            await route.FulfillAsync(new() { Response = response });
        });
        var heldEcho = new TaskCompletionSource<Action>(TaskCreationOptions.RunContinuationsAsynchronously);
        await rina.RouteWebSocketAsync(new Regex("/hubs/partnership"), page =>
        {
            var server = page.ConnectToServer();
            server.OnMessage(frame =>
            {
                var text = frame.Text;
                if (text is null)
                {
                    page.Send(frame.Binary!);
                }
                else if (!heldEcho.Task.IsCompleted && text.Contains("action.updated")
                    && text.Contains("\"status\":\"Open\""))
                {
                    heldEcho.TrySetResult(() => page.Send(text));
                }
                else
                {
                    page.Send(text);
                }
            });
        });
        await rina.GotoAsync($"/p/{pid}/actions");
        ILocator CardIn(IPage page, string column) =>
            page.Locator($".column[data-status={column}] .item-card", new() { HasText = "Send draft MoU" });
        var number = (await CardIn(rina, "InProgress").Locator(".num").TextContentAsync())!.Trim();
        await TabUntilAsync(rina, $".item-card[aria-label^='{number} ']");

        // In progress → Open → In progress → Blocked → Done, pressed faster than the answers come back.
        await rina.Keyboard.PressAsync("Alt+ArrowLeft");
        var releaseEcho = await heldEcho.Task.WaitAsync(TimeSpan.FromSeconds(10),
            TestContext.Current.CancellationToken);
        await rina.Keyboard.PressAsync("Alt+ArrowRight");
        await Assertions.Expect(CardIn(rina, "InProgress")).ToBeVisibleAsync();
        releaseEcho();
        // Gives the page the moment to handle that echo, then looks once, without waiting for a change: the echo used
        // to pull the card back to Open, so the next press started from there and the card stopped a column short.
        await rina.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 200))");
        Assert.Equal("InProgress", await rina.EvaluateAsync<string>(
            "() => document.querySelector('.item-card:focus')?.closest('.column')?.dataset.status"));
        await rina.Keyboard.PressAsync("Alt+ArrowRight");
        await rina.Keyboard.PressAsync("Alt+ArrowRight");

        await Assertions.Expect(CardIn(rina, "Done")).ToBeVisibleAsync();
        await Assertions.Expect(rina.Locator(".item-card:focus")).ToHaveAttributeAsync("aria-label",
            new Regex($"^{number} "));
        // Every move reached the server in order: the partner's board ends where Rina's does, and stays there.
        await budi.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(CardIn(budi, "Done")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(CardIn(rina, "Done")).ToBeVisibleAsync();
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }
}
