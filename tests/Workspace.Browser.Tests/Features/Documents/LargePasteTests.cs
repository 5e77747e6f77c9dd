using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>
/// A paste larger than one change may hold (Documents:MaxOperationLength, 100,000 characters) is kept and saved in
/// parts; one that would make the document longer than its limit (1,000,000) is taken back at once with a message in
/// the person's language. The page once took back any edit over 100,000 characters.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LargePasteTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("en-GB", 1280, "A change was refused: The document would exceed its limit of 1,000,000 characters.")]
    [InlineData("id-ID", 390, "Perubahan ditolak: Dokumen akan melebihi batas 1.000.000 karakter.")]
    public async Task AReportOf250000CharactersIsSavedForEveryoneAndDeletedAgainAndOneOverTheLimitIsRefused(
        string locale, int width, string refusal)
    {
        var height = width < 500 ? 844 : 800;
        var rina = await fixture.NewPageAsync(locale, width, height);
        var budi = await fixture.NewPageAsync(locale, width, height);
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var url = $"/p/{pid}/docs/{docId}";
        await budi.GotoAsync(url);
        await rina.GotoAsync(url);
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(budi.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        var report = Report(250_000);
        await rina.Locator(".cm-content").ClickAsync();
        await EditorInput.PasteAsync(rina, report);
        await Assertions.Expect(rina.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 60_000 });
        var stored = await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/documents/{docId}");
        Assert.Equal(report, stored.GetProperty("text").GetString());
        Assert.Equal(3, stored.GetProperty("revision").GetInt64()); // in three parts
        await budi.WaitForFunctionAsync(
            "n => document.querySelector('.cm-content').cmTile.root.view.state.doc.length === n",
            report.Length,
            new() { Timeout = 30_000 });
        Assert.Equal(report, await EditorInput.TextAsync(budi));
        await Assertions.Expect(rina.Locator(".toast-error")).ToHaveCountAsync(0);

        // Select all and delete: as large a change, also saved in parts.
        await rina.Locator(".cm-content").ClickAsync();
        await rina.Keyboard.PressAsync("ControlOrMeta+a");
        await rina.Keyboard.PressAsync("Delete");
        await Assertions.Expect(rina.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 60_000 });
        stored = await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/documents/{docId}");
        Assert.Equal("", stored.GetProperty("text").GetString());
        await budi.WaitForFunctionAsync(
            "() => document.querySelector('.cm-content').cmTile.root.view.state.doc.length === 0",
            null,
            new() { Timeout = 30_000 });

        // One character over the document's limit: taken back out of the editor at once, nothing of it saved.
        await EditorInput.PasteAsync(rina, Report(1_000_001));
        await Assertions.Expect(rina.Locator(".toast-error")).ToContainTextAsync(refusal);
        Assert.Equal("", await EditorInput.TextAsync(rina));
        await BrowserFixture.ScreenshotAsync(rina, $"documents-paste-over-limit-{locale}-{width}");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        var after = await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/documents/{docId}");
        Assert.Equal("", after.GetProperty("text").GetString());
        Assert.Equal(stored.GetProperty("revision").GetInt64(), after.GetProperty("revision").GetInt64());
    }

    // The connection drops after the first part is saved and acknowledged, with the second on its way: the rest waits
    // in the page (and its storage) and, once the connection is back, lands; no part twice.
    [Fact]
    public async Task APasteWhoseConnectionDropsAfterItsFirstPartLandsWholeAndOnceWhenItIsBack()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var drop = new DropAtSecondPart();
        await rina.RouteWebSocketAsync(new Regex("/hubs/documents"), drop.Route);
        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        var report = Report(250_000);
        await rina.Locator(".cm-content").ClickAsync();
        await EditorInput.PasteAsync(rina, report);
        await drop.Dropped.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Only the first part is on the server; the page says changes are pending and keeps them in its storage.
        var stored = await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/documents/{docId}");
        Assert.Equal(report[..100_000], stored.GetProperty("text").GetString());
        Assert.Equal(1, stored.GetProperty("revision").GetInt64());
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "offline");
        var kept = await rina.EvaluateAsync<int>($"() => localStorage.getItem('workspace.doc.{docId}')?.length ?? 0");
        Assert.True(kept > 150_000, $"the rest is in the page's storage ({kept} characters)");

        drop.Reconnect();
        await Assertions.Expect(rina.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 60_000 });
        stored = await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/documents/{docId}");
        Assert.Equal(report, stored.GetProperty("text").GetString());
        Assert.Equal(3, stored.GetProperty("revision").GetInt64());
        await budi.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(budi.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        Assert.Equal(report, await EditorInput.TextAsync(budi));
    }

    /// <summary>Numbered lines of a report, exactly <paramref name="length"/> characters.</summary>
    private static string Report(int length)
    {
        var text = new StringBuilder(length + 100);
        for (var line = 1; text.Length < length; line++)
        {
            text.Append($"Section {line}: the cooperative delivers rice to the agency's storage.\n");
        }
        return text.ToString(0, length);
    }

    /// <summary>Passes the page's hub socket through until the page sends its second Submit: that one is not sent on,
    /// and the socket closes as a dropped connection does. Sockets opened after that close at once until
    /// <see cref="Reconnect"/>.</summary>
    private sealed class DropAtSecondPart
    {
        private int _submits;
        private volatile bool _blocked;

        public TaskCompletionSource Dropped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Reconnect() => _blocked = false;

        public void Route(IWebSocketRoute page)
        {
            if (_blocked)
            {
                _ = page.CloseAsync();
                return;
            }
            var server = page.ConnectToServer();
            page.OnMessage(frame =>
            {
                if (frame.Text is { } text && text.Contains("\"target\":\"Submit\"", StringComparison.Ordinal)
                    && Interlocked.Increment(ref _submits) == 2)
                {
                    _blocked = true;
                    _ = server.CloseAsync();
                    _ = page.CloseAsync();
                    Dropped.TrySetResult();
                    return;
                }
                if (frame.Text is { } message)
                {
                    server.Send(message);
                }
                else
                {
                    server.Send(frame.Binary!);
                }
            });
        }
    }
}
