// A meeting's live notes: a partnership document (one per meeting, one per occurrence of a series) made when an
// editor first opens the meeting, co-edited here with the same co-editing extension as every document
// (editor/co-editing.js: same OT client, hub and guarantees). Its own page adds preview, comments and history.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { markdown } from '@codemirror/lang-markdown';
import { html, mount, $, toast } from '../../core/dom.js';
import { t, addMessages } from '../../core/i18n.js';
import { get, post } from '../../core/api.js';
import { can, session } from '../../core/session.js';
import { follow } from '../../core/partnershipLive.js';
import { styleNonce } from '../../core/csp.js';
import { initials } from '../../core/people.js';
import { describeHubError } from '../../core/errors.js';
import { coEditing } from '../../editor/co-editing.js';
import { taskMarks } from '../../editor/task-marks.js';
import { paperMessages } from './papers-i18n.js';

addMessages(paperMessages);

const key = occurrence => (occurrence ? occurrence.replace(/[-:]/g, '').slice(0, 15) : '');
export const papersUrl = (pid, meetingId, occurrence) =>
  `/api/partnerships/${pid}/meetings/${meetingId}/papers${occurrence ? `?occurrence=${key(occurrence)}` : ''}`;

/**
 * Shows the notes of the meeting in `host`: editors start them (the server makes one document however many open
 * it at once) and write; everyone else reads. Returns the cleanup.
 */
export async function mountNotes(host, { pid, meetingId, occurrence }) {
  let stopEditor = null;
  let closed = false;
  mount(host, html`<section class="card meeting-notes" aria-labelledby="notes-title">
    <div class="notes-head"><h2 id="notes-title">${t('notes.title')}</h2>
      <div class="presence" id="notes-presence" role="group" aria-label="${t('notes.here')}"></div>
      <span class="sync" id="notes-sync" role="status" data-state="loading">${t('notes.loading')}</span></div>
    <p class="muted">${can('Editor') ? t('notes.intro') : t('notes.readOnly')}</p>
    <div class="notes-editor"></div></section>`);
  const box = $('.notes-editor', host);
  const show = notes => {
    if (stopEditor || closed) return;
    if (!notes) {
      mount(box, html`<p class="empty">${t('notes.notStarted')}</p>`);
      return;
    }
    box.replaceChildren();
    const link = document.createElement('a');
    link.className = 'notes-open';
    link.href = `/p/${pid}/docs/${notes.documentId}`;
    link.textContent = t('notes.openDocument');
    $('.notes-head', host).append(link);
    stopEditor = notesEditor(box, host, notes.documentId);
  };
  const off = await follow({
    'meeting.papers': p => {
      if (p.meetingId === meetingId && (p.occurrence ?? null) === occurrence && p.kind === 'Notes') show(p);
    },
  }, async () => {
    const papers = await get(papersUrl(pid, meetingId, occurrence));
    show(papers.notes ?? (can('Editor') ? await post(`/api/partnerships/${pid}/meetings/${meetingId}/notes`,
      { occurrence }) : null));
  });
  return () => { closed = true; off(); stopEditor?.(); };
}

/** The notes' editor: Markdown with task lines, co-edited live; returns its cleanup. */
function notesEditor(parent, host, docId) {
  const editable = can('Editor');
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        basicSetup, markdown(), EditorView.lineWrapping, taskMarks(() => session.partnership?.members ?? null),
        EditorView.cspNonce.of(styleNonce()), EditorView.contentAttributes.of({ 'aria-label': t('notes.text') }),
        coEditing(docId, {
          editable,
          onOpenFailed: e => toast(describeHubError(e), 'error'),
          onRejected: e => toast(describeHubError(e), 'error'),
          onStatus: ({ state, pending }) => {
            const el = $('#notes-sync', host);
            if (!el) return;
            el.dataset.state = state;
            el.textContent = state === 'offline' ? t('notes.offline', { n: pending }) : t(`notes.${state}`);
          },
          onPeople: people => {
            const here = $('#notes-presence', host);
            mount(here, html`${people.map(p => html`
              <span class="avatar" data-colour="${p.colour}" title="${p.name}">${initials(p.name)}</span>`)}`);
            // Through the DOM: a style attribute in markup would be refused by the Content-Security-Policy.
            for (const a of here.querySelectorAll('[data-colour]')) a.style.background = a.dataset.colour;
          },
        }),
      ],
    }),
  });
  return () => view.destroy();
}
