// The occurrence key the API takes in a URL: 2026-10-27T10:00:00 → 20261027T100000.
export function occurrenceKey(occurrence) { return occurrence ? occurrence.replace(/[-:]/g, '').slice(0, 15) : ''; }
