// Activity entries in the reader's language: each kind has a sentence per language (`activity.<kind>`, given by
// the feature that owns the kind in its manifest, see features/index.js), filled from the entry's arguments.
// Entries without arguments (or of an unknown kind) show the stored English summary.
import { t, formatDate, formatNumber } from './i18n.js';
import { statusLabel, goalLabel } from './labels.js';

function localise(kind, key, value) {
  if (key.endsWith('Role') || key === 'role') return t(`role.${value}`);
  if (key === 'status') return kind.startsWith('goal.') ? goalLabel(value) : statusLabel(value);
  if (key === 'fromStatus' || key === 'toStatus') return statusLabel(value);
  if (key === 'value' && typeof value === 'number') return formatNumber(value);
  if (key === 'date') return formatDate(value);
  return value;
}

/** The sentence after the actor's name, in the current language. */
export function activitySentence(entry) {
  const key = `activity.${entry.kind}`;
  const template = t(key);
  if (template === key) return entry.summary;
  let args;
  try { args = JSON.parse(entry.args || '{}'); } catch { return entry.summary; }
  const needed = [...template.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
  if (needed.some(n => !(n in args))) return entry.summary;
  const values = Object.fromEntries(needed.map(n => [n, localise(entry.kind, n, args[n])]));
  return t(key, values);
}

