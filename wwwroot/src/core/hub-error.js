// A hub refusal as the server sends it (HubError in Workspace.Collaboration): JSON with code, detail, final, args,
// after SignalR's "An unexpected error occurred invoking … HubException: ". No UI here, so node tests can use it.

/** { code, detail, final, args } of a SignalR error, or null when it carries none (connection lost, a fault). */
export function hubError(e) {
  const m = String(e?.message ?? e ?? '');
  const i = m.indexOf('HubException: ');
  const json = i >= 0 ? m.slice(i + 14) : m;
  if (!json.startsWith('{')) return null;
  try { return JSON.parse(json); } catch { return null; }
}
