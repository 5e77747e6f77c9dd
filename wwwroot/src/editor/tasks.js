// Markdown task lines (`- [ ] …`) as the editor sees them, in UTF-16 offsets. The reading follows the server's
// (Features/ActionItems/Checklist.cs) so that the editor marks exactly the lines the server leaves alone.

const TASK = /^([ \t]*(?:[-*+]|\d+[.)])[ \t]+\[)([ xX])\][ \t]+(\S.*)$/;
// A second marker and box typed after the one list continuation already wrote (`- [ ] - [ ] Pay`).
const REPEATED = /^(?:(?:[-*+]|\d+[.)])[ \t]+)?\[[ xX]\](?:[ \t]+|$)/;
const HANDLE = /(?<![\p{L}\p{N}\p{M}\p{Pc}@])@([\p{L}\p{N}._-]{1,64})/u;
const DUE = /(?<!\S)due:(\S*)/g;
const LINK = /(?<!\S)#A(\d{1,9})(?!\S)/g;

/** Longest title an action item takes (UTF-16 units, as on the server). */
export const MAX_TITLE = 300;

/** True when `value` is a real calendar day written yyyy-MM-dd. */
export function isDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(2000, mo - 1, d));
  day.setUTCFullYear(y);
  return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** Does `handle` name this member: the e-mail's local part, the name without spaces or the first name, any case. */
export function handleMatches(handle, member) {
  const h = handle.toLowerCase();
  const name = member.displayName ?? '';
  return [member.email?.split('@')[0], name.replace(/\s+/gu, ''), name.split(' ').find(Boolean)]
    .some(candidate => candidate != null && candidate.toLowerCase() === h);
}

function scanLines(text, visit) {
  let offset = 0;
  let fence = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    else if (!fence) {
      const m = TASK.exec(line.replace(/\r$/, ''));
      if (m) visit(m, offset);
    }
    offset += line.length + 1;
  }
}

/** UTF-16 offsets of the mark inside `[ ]` of every Markdown task line outside code fences. */
export function taskMarks(text) {
  const marks = [];
  scanLines(text, (m, offset) => marks.push(offset + m[1].length));
  return marks;
}

function readLine(m, from) {
  let restFrom = from + m[0].length - m[3].length;
  let rest = m[3];
  for (let r; (r = REPEATED.exec(rest)) && r[0].length > 0;) {
    rest = rest.slice(r[0].length);
    restFrom += r[0].length;
  }
  const dues = [...rest.matchAll(DUE)];
  const token = (match, value) => {
    const at = restFrom + match.index;
    return { from: at, to: at + match[0].length, value };
  };
  const due = dues[0] ? token(dues[0], dues[0][1]) : null;
  const h = HANDLE.exec(rest);
  const handle = h ? { ...token(h, h[0]), name: h[1].replace(/[._-]+$/, '') } : null;
  const stripped = rest.replace(DUE, '').replace(LINK, '');
  const title = stripped.replace(HANDLE, '').replace(/\s+/g, ' ').trim();
  const validDue = !!due && isDate(due.value);
  return { from, to: from + m[0].length, restFrom, done: m[2] !== ' ', title, handle, due, validDue };
}

/** Every task line: its title, its `@handle` and `due:` tokens (with their offsets) and whether the date is real. */
export function taskLines(text) {
  const lines = [];
  scanLines(text, (m, offset) => lines.push(readLine(m, offset)));
  return lines;
}

/**
 * Why the server leaves a task line alone: `{ code, from, to, value }` with the span to mark; null when it does not.
 * Codes: due-invalid, title-empty, title-too-long, handle-unknown (only checked when `members` is given).
 */
export function lineProblem(line, members) {
  if (line.due && !line.validDue) return { code: 'due-invalid', ...line.due };
  if (line.title.length === 0) return { code: 'title-empty', from: line.restFrom, to: line.to };
  if (line.title.length > MAX_TITLE) {
    return { code: 'title-too-long', from: line.restFrom, to: line.to, value: line.title.length };
  }
  if (line.handle && members && !members.some(member => handleMatches(line.handle.name, member))) {
    return { code: 'handle-unknown', from: line.handle.from, to: line.handle.to, value: line.handle.name };
  }
  return null;
}
