using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>
/// One default wait for every expectation in this assembly, set when the assembly loads. CI runs the server tests
/// beside these on two cores, one of them kept busy: a page's first load or a live round trip then takes more than
/// Playwright's default 5 s now and then (CI runs failed so). A CI run on 2026-12-02 saw this process's timers fire
/// 8, 18 and 41 s late (the whole machine stalled) and a 10 s wait failed. A state that never comes still fails,
/// 30 s later; a test that passes waits no longer than before.
/// </summary>
internal static class ExpectTimeout
{
    // Set here rather than in a fixture: it is process-wide, and a test class started before the fixture that set it
    // (the server-process tests have none) waited only 5 s (a CI run failed so, 2026-12-01).
    [ModuleInitializer]
    internal static void Set() => Assertions.SetDefaultExpectTimeout(30_000);
}
