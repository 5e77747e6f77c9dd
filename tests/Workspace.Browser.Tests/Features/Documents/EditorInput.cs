using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>A new document open in the editor, and input into it that the keyboard helpers cannot give quickly.
/// </summary>
public static class EditorInput
{
    /// <summary>Signs <paramref name="person"/> up, creates a partnership and a document, and opens it once the editor
    /// says "saved".</summary>
    public static async Task<(string Pid, string DocId)> OpenNewDocumentAsync(
        IPage page, string person, string organisation, string partnership, string title)
    {
        await ApiSeed.SignUpAsync(page, person, organisation);
        var pid = (await ApiSeed.PostAsync(page, "/api/partnerships", new { name = partnership, organisation }))
            .GetProperty("id").GetString()!;
        var docId = (await ApiSeed.PostAsync(page, $"/api/partnerships/{pid}/documents", new { title }))
            .GetProperty("id").GetString()!;
        await page.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        return (pid, docId);
    }

    /// <summary>Pastes as a person does (a paste event carrying the text), which the editor takes in one change.
    /// </summary>
    public static Task PasteAsync(IPage page, string text) =>
        page.Locator(".cm-content").EvaluateAsync(
            """
            (editor, text) => {
              const data = new DataTransfer();
              data.setData('text/plain', text);
              const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
              editor.dispatchEvent(paste);
            }
            """,
            text);

    /// <summary>The whole text in the editor's state: the page draws only the lines in view, so a long text cannot be
    /// read from the screen. (Read through CodeMirror's own link from its content element to its view.)</summary>
    public static Task<string> TextAsync(IPage page) =>
        page.Locator(".cm-content").EvaluateAsync<string>("editor => editor.cmTile.root.view.state.doc.toString()");
}
