// Task lines in the editor: the `@handle` and `due:` the server will understand are highlighted; a line it will leave
// alone (a date that does not exist, a title too long for an item, a handle that names no member) is underlined,
// and a tooltip says why — on hover, and while the cursor is in it, so it works by touch and keyboard too.
import { StateField, StateEffect, Facet } from '@codemirror/state';
import { Decoration, EditorView, hoverTooltip, showTooltip } from '@codemirror/view';
import { t, addMessages, formatDate } from '../core/i18n.js';
import { taskLines, lineProblem, handleMatches, MAX_TITLE } from './tasks.js';

addMessages({
  en: {
    'task.due-invalid':
      '“{value}” is not a date. Write due:YYYY-MM-DD, e.g. due:2026-12-15. '
      + 'Until then this line changes no action item.',
    'task.title-empty': 'This task line has no title yet: write what is to be done after the box.',
    'task.title-too-long':
      'The title has {value} characters; an action item takes at most {max}. Shorten it to make this line an item.',
    'task.handle-unknown':
      'No member of this partnership goes by @{value}. Until the name is fixed this line changes no action item.',
  },
  id: {
    'task.due-invalid': '“{value}” bukan tanggal yang valid. Tulis due:TTTT-BB-HH, mis. due:2026-12-15. '
      + 'Sebelum diperbaiki, baris ini tidak mengubah tugas apa pun.',
    'task.title-empty': 'Baris tugas ini belum berjudul: tulis apa yang perlu dikerjakan setelah kotak centang.',
    'task.title-too-long':
      'Judulnya {value} karakter, padahal tugas paling panjang {max} karakter. '
      + 'Persingkat agar baris ini menjadi tugas.',
    'task.handle-unknown': 'Tidak ada anggota kemitraan ini bernama @{value}. '
      + 'Sebelum namanya diperbaiki, baris ini tidak mengubah tugas apa pun.',
  },
});

/** Dispatch when the partnership's members change, so handles are checked again. */
export const membersChanged = StateEffect.define();

/** The sentence, in the person's language, saying why a task line is left alone. */
export const describeProblem = p => t(`task.${p.code}`, { value: p.value, max: MAX_TITLE });

const mark = (className, attributes) => Decoration.mark({ class: className, attributes });

function read(doc, members) {
  const problems = [];
  const marks = [];
  for (const line of taskLines(doc.toString())) {
    const problem = lineProblem(line, members);
    if (problem) {
      problems.push(problem);
      marks.push(mark('cm-task-problem', { 'data-problem': problem.code }).range(problem.from, problem.to));
    }
    const owner = line.handle && members?.find(m => handleMatches(line.handle.name, m));
    if (owner) marks.push(mark('cm-task-handle', { title: owner.displayName }).range(line.handle.from, line.handle.to));
    if (line.validDue) {
      marks.push(mark('cm-task-due', { title: formatDate(line.due.value) }).range(line.due.from, line.due.to));
    }
  }
  return { problems, decorations: Decoration.set(marks, true) };
}

const tooltipFor = problem => ({
  pos: problem.from,
  end: problem.to,
  above: true,
  create: () => {
    const dom = document.createElement('div');
    dom.className = 'cm-task-tooltip';
    dom.dataset.problem = problem.code;
    dom.textContent = describeProblem(problem);
    return { dom };
  },
});

const problemAt = (state, pos) => state.field(taskState).problems.find(p => pos >= p.from && pos <= p.to) ?? null;

/** The extension; `members()` gives the partnership's members ({ displayName, email }) or null while unknown. */
export function taskMarks(members) {
  return [
    membersOf.of(members),
    taskState,
    showTooltip.compute([taskState, 'selection'], state => {
      const problem = state.selection.main.empty ? problemAt(state, state.selection.main.head) : null;
      return problem && tooltipFor(problem);
    }),
    hoverTooltip((view, pos) => {
      const problem = problemAt(view.state, pos);
      // The one under the cursor already shows.
      return problem && problem !== problemAt(view.state, view.state.selection.main.head) ? tooltipFor(problem) : null;
    }),
  ];
}

const membersOf = Facet.define({ combine: values => values[0] ?? (() => null) });

const taskState = StateField.define({
  create: state => read(state.doc, state.facet(membersOf)()),
  update: (value, tr) => (tr.docChanged || tr.effects.some(e => e.is(membersChanged))
    ? read(tr.state.doc, tr.state.facet(membersOf)())
    : value),
  provide: field => EditorView.decorations.from(field, value => value.decorations),
});
