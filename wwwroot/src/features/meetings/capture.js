// The capture bar's reading of what is typed (pure; no DOM): `d <text>` a decision, `a <text> @owner due:date` an
// action item. Indonesian prefixes too: `k` (keputusan) and `t` (tugas). The owner is a partnership member whose
// e-mail name, name or a word of the name starts with the handle; the date is written 2026-12-15, 15/12/2026,
// today/tomorrow (hariini/besok) or a weekday in either language (fri, jumat: the next one after today). Either may
// name an agreement clause: `§5` (or `clause:5`, `pasal:5`) by its number, `§"profit sharing"` or `§profit` by its
// title (a word of it, as typed); the clause is one of the partnership's agreements'.

export const MAX_DECISION = 2000;
export const MAX_TITLE = 300;

const PREFIX = /^\s*([dkat])(?:\s+|$)/iu;
const HANDLE = /(?<![\p{L}\p{N}@])@([\p{L}\p{N}._-]+)/u;
const DUE = /(?<!\S)(?:due|tenggat):(\S*)/iu;
const CLAUSE = /(?<!\S)(?:§\s?|(?:clause|pasal):)(?:"([^"]*)"?|(\S*))/iu;

const WEEKDAYS = [
  ['sun', 'sunday', 'min', 'minggu', 'ahad'],
  ['mon', 'monday', 'sen', 'senin'],
  ['tue', 'tues', 'tuesday', 'sel', 'selasa'],
  ['wed', 'wednesday', 'rab', 'rabu'],
  ['thu', 'thur', 'thurs', 'thursday', 'kam', 'kamis'],
  ['fri', 'friday', 'jum', 'jumat', "jum'at"],
  ['sat', 'saturday', 'sab', 'sabtu'],
];

const pad = n => String(n).padStart(2, '0');
const iso = d => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const addDays = (d, n) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/** The date y-m-d if it exists (2026-02-30 does not), as yyyy-mm-dd; else null. */
function existing(y, m, d) {
  const date = new Date(y, m - 1, d);
  return y >= 2000 && y <= 2100 && date.getMonth() === m - 1 && date.getDate() === d ? iso(date) : null;
}

/** A `due:` value as yyyy-mm-dd, counted from `today` (a Date in the person's time); null when unreadable. */
export function readDue(value, today = new Date()) {
  const v = value.toLowerCase().replace(/[.,;]+$/u, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(v);
  if (m) return existing(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(v);
  if (m) return existing(+m[3], +m[2], +m[1]);
  if (['today', 'hariini', 'hari-ini'].includes(v)) return iso(today);
  if (['tomorrow', 'besok'].includes(v)) return iso(addDays(today, 1));
  const day = WEEKDAYS.findIndex(names => names.includes(v));
  if (day < 0) return null;
  return iso(addDays(today, ((day - today.getDay() + 6) % 7) + 1));
}

/** The members a handle names: exactly (e-mail name, name without spaces, first name) or else by prefix. */
export function ownersFor(handle, members) {
  const h = handle.toLowerCase();
  const names = m => {
    const name = (m.displayName ?? '').toLowerCase();
    return [m.email?.split('@')[0]?.toLowerCase(), name.replace(/\s+/gu, ''), ...name.split(/\s+/u)]
      .filter(Boolean);
  };
  const exact = members.filter(m => names(m).includes(h));
  return exact.length > 0 ? exact : members.filter(m => names(m).some(n => n.startsWith(h)));
}

const fold = s => s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * The clauses a `§` value names among `clauses` ({ agreementId, agreementTitle, number, title }): a number names the
 * clause carrying it; words name the clause titled so, else those whose title has words starting with each of them.
 */
export function clausesFor(value, clauses) {
  const v = value.trim().replace(/[.,;:]+$/u, '');
  if (/^\d+(?:\.\d+)*$/u.test(v)) return clauses.filter(c => c.number === v);
  const words = fold(v).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [];
  const exact = clauses.filter(c => fold(c.title) === words.join(' '));
  if (exact.length > 0) return exact;
  return clauses.filter(c => {
    const titleWords = fold(c.title).split(/[^\p{L}\p{N}]+/u);
    return words.every(w => titleWords.some(t => t.startsWith(w)));
  });
}

/** Takes the clause token out of `rest`: { rest, clause, problem } (problem clauseUnknown / clauseAmbiguous). */
function takeClause(rest, clauses) {
  const match = CLAUSE.exec(rest);
  if (!match) return { rest, clause: null, problem: null };
  const value = match[1] ?? match[2] ?? '';
  const found = clausesFor(value, clauses);
  const shown = match[1] !== undefined ? `"${value}"` : value;
  return {
    rest: rest.replace(match[0], ' '),
    clause: found.length === 1 ? found[0] : null,
    problem: found.length === 1 ? null : { code: found.length ? 'clauseAmbiguous' : 'clauseUnknown', value: shown },
  };
}

/**
 * What a capture line says: { kind: 'empty' | 'unknown' | 'decision' | 'action', ... }. A decision has `text`;
 * an action item `title`, `owner` (a member or null), `due` (yyyy-mm-dd or null); both a `clause` (one of `clauses`
 * or null). `problem` is null or { code, value } with code titleEmpty, tooLong, ownerUnknown, ownerAmbiguous,
 * dueInvalid, clauseUnknown or clauseAmbiguous.
 */
export function parseCapture(line, members = [], today = new Date(), clauses = []) {
  if (!line.trim()) return { kind: 'empty', problem: null };
  const prefix = PREFIX.exec(line);
  if (!prefix) return { kind: 'unknown', problem: null };
  const rest = line.slice(prefix[0].length);
  const linked = takeClause(rest, clauses);
  const { clause } = linked;
  if ('dk'.includes(prefix[1].toLowerCase())) {
    const text = (linked.rest === rest ? rest : linked.rest.replace(/\s{2,}/gu, ' ')).trim();
    const problem = !text ? { code: 'titleEmpty' }
      : text.length > MAX_DECISION ? { code: 'tooLong', value: MAX_DECISION } : linked.problem;
    return { kind: 'decision', text, clause, problem };
  }
  let title = linked.rest;
  let owner = null;
  let due = null;
  let problem = linked.problem;
  const handle = HANDLE.exec(title);
  if (handle) {
    title = title.replace(handle[0], ' ');
    // A handle at the end of a sentence keeps its full stop out (as the server's task lines do).
    const name = handle[1].replace(/[._-]+$/u, '');
    const found = ownersFor(name, members);
    if (found.length === 1) [owner] = found;
    else problem = { code: found.length ? 'ownerAmbiguous' : 'ownerUnknown', value: name };
  }
  const dueMatch = DUE.exec(title);
  if (dueMatch) {
    title = title.replace(dueMatch[0], ' ');
    due = readDue(dueMatch[1], today);
    if (!due) problem ??= { code: 'dueInvalid', value: dueMatch[1] };
  }
  title = title.replace(/\s+/gu, ' ').trim();
  if (!title) problem = { code: 'titleEmpty' };
  else if (title.length > MAX_TITLE) problem ??= { code: 'tooLong', value: MAX_TITLE };
  return { kind: 'action', title, owner, due, clause, problem };
}
