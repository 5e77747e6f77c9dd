using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>Input into the document editor that the keyboard helpers cannot give quickly.</summary>
public static class EditorInput
{
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
}
