using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>Co-editing from a slow network: the server's answers reach one person's page late.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlowNetworkTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ACursorTypedFromASlowNetworkIsShownAfterTheTypedWordsNotBeyondThem()
    {
        var (rina, budi, slow) = await RinaAndBudiCoEditAsync("We deliver rice by March.");

        // From here on every answer of the server takes 800 ms to reach Rina: her edits stay "on their way" while
        // she types, and her cursor is sent meanwhile.
        slow.Latency = TimeSpan.FromMilliseconds(800);
        await rina.Keyboard.PressAsync("Home");
        for (var i = 0; i < "We deliver ".Length; i++) await rina.Keyboard.PressAsync("ArrowRight");
        await rina.Keyboard.TypeAsync("40 tonnes of ", new() { Delay = 20 });
        await Assertions.Expect(rina.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });

        await Assertions.Expect(budi.Locator(".cm-content"))
            .ToContainTextAsync("We deliver 40 tonnes of rice by March.");
        // Budi sees Rina's cursor where she is typing: right after "40 tonnes of ", not as many characters further.
        const string BeforeCaret = "() => { const caret = document.querySelector('.cm-remote-caret'); if (!caret) "
            + "return null;" +
            " const r = document.createRange(); r.setStart(caret.closest('.cm-line'), 0); r.setEndBefore(caret); "
                + "return r.toString(); }";
        try
        {
            await budi.WaitForFunctionAsync(
                $"() => ({BeforeCaret})() === 'We deliver 40 tonnes of '",
                null,
                new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            Assert.Equal("We deliver 40 tonnes of ", await budi.EvaluateAsync<string?>(BeforeCaret));
        }
    }

    [Fact]
    public async Task ACommentWrittenWhileOnesEditIsOnItsWayIsAboutThePassageChosen()
    {
        // The same words twice: only the comment's own passage tells which one it is about.
        var (rina, budi, slow) = await RinaAndBudiCoEditAsync("Budget\nRice by March.\nRice by March.");

        // Rina edits the first line and, while that edit is still on its way (the server's answers are held back until
        // the comment is written, however long that takes on a loaded machine), comments on the second line.
        slow.Hold();
        await rina.Keyboard.PressAsync("Control+Home");
        await rina.Keyboard.TypeAsync("Agreed: ");
        await rina.Locator(".cm-line").Nth(2).ClickAsync(new() { ClickCount = 3 });
        await rina.GetByRole(AriaRole.Tab, new() { Name = "Comments" }).ClickAsync();
        await rina.GetByLabel("Add a comment").FocusAsync();
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saving"); // still on its way
        await rina.GetByLabel("Add a comment").FillAsync("Which mill takes the second shipment?");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await Assertions.Expect(rina.GetByLabel("Add a comment")).ToHaveValueAsync(""); // the comment is made
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saving");
        slow.Release();
        await Assertions.Expect(rina.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });

        // Budi, opening the plan afresh, sees the third line tinted, not the second.
        await Assertions.Expect(budi.Locator(".cm-content")).ToContainTextAsync("Agreed: Budget");
        await budi.ReloadAsync();
        await Assertions.Expect(budi.Locator(".cm-line").Nth(2).Locator(".cm-commented"))
            .ToHaveTextAsync("Rice by March.");
        await Assertions.Expect(budi.Locator(".cm-line").Nth(1).Locator(".cm-commented")).ToHaveCountAsync(0);

        // Resolved and reopened (a change that does not say where the passage is): the tint comes back on the same
        // line.
        await budi.GetByRole(AriaRole.Tab, new() { Name = "Comments" }).ClickAsync();
        await budi.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(budi.Locator(".cm-commented")).ToHaveCountAsync(0);
        await budi.GetByRole(AriaRole.Button, new() { Name = "Show resolved (1)" }).ClickAsync();
        await budi.GetByRole(AriaRole.Button, new() { Name = "Reopen" }).ClickAsync();
        await Assertions.Expect(budi.Locator(".cm-line").Nth(2).Locator(".cm-commented"))
            .ToHaveTextAsync("Rice by March.");
        await Assertions.Expect(budi.Locator(".cm-line").Nth(1).Locator(".cm-commented")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Rina (whose page's hub socket goes through <see cref="SlowAnswers"/>, not slowed yet) writes
    /// <paramref name="text"/>
    /// into a new plan; Budi, from the partner organisation, has it open too.
    /// </summary>
    private async Task<(IPage Rina, IPage Budi, SlowAnswers Slow)> RinaAndBudiCoEditAsync(string text)
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var slow = new SlowAnswers();
        await rina.RouteWebSocketAsync(new Regex("/hubs/documents"), slow.Route);
        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await rina.Locator(".cm-content").ClickAsync();
        await rina.Keyboard.TypeAsync(text);
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await budi.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(budi.Locator(".cm-content"))
            .ToContainTextAsync(text.Replace("\n", "", StringComparison.Ordinal));
        return (rina, budi, slow);
    }

    /// <summary>Passes the page's hub socket through, holding what the server sends for
    /// <see cref="Latency"/>, or from <see cref="Hold"/> until <see cref="Release"/>.</summary>
    private sealed class SlowAnswers
    {
        private TaskCompletionSource _open = Opened();

        public TimeSpan Latency { get; set; }

        public void Hold() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _open.TrySetResult();

        public void Route(IWebSocketRoute page)
        {
            var server = page.ConnectToServer();
            var up = new Pipe(server, () => TimeSpan.Zero, () => Task.CompletedTask);
            var down = new Pipe(page, () => Latency, () => _open.Task);
            page.OnMessage(up.Forward);
            server.OnMessage(down.Forward);
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource();
            open.SetResult();
            return open;
        }
    }

    /// <summary>One direction of a socket: frames arrive in order, each after the latency in force when it was
    /// sent, and not before the gate in force then opens.</summary>
    private sealed class Pipe(IWebSocketRoute to, Func<TimeSpan> latency, Func<Task> gate)
    {
        private readonly Lock _gate = new();
        private Task _last = Task.CompletedTask;

        public void Forward(IWebSocketFrame frame)
        {
            var due = DateTime.UtcNow + latency();
            var open = gate();
            lock (_gate)
            {
                _last = _last.ContinueWith(async _ =>
                {
                    await open;
                    var wait = due - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                    if (frame.Text is { } text) to.Send(text); else if (frame.Binary is { } bytes) to.Send(bytes);
                }, TaskScheduler.Default).Unwrap();
            }
        }
    }
}
