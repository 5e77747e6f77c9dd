// A meeting's live notes: a partnership document (one per meeting, one per occurrence of a series) made when an
// editor first opens the meeting, and co-edited in the documents feature's own editor, embedded here.
// Also: the notes or minutes document links back to its meeting, and the documents list groups these apart.
import { html, mount, $ } from '../../core/dom.js';
import { t, addMessages } from '../../core/i18n.js';
import { get, post } from '../../core/api.js';
import { can } from '../../core/session.js';
import { on } from '../../core/partnershipLive.js';
import { paperMessages } from './papers-i18n.js';

addMessages(paperMessages);

const key = occurrence => (occurrence ? occurrence.replace(/[-:]/g, '').slice(0, 15) : '');
export const papersUrl = (pid, meetingId, occurrence) =>
  `/api/partnerships/${pid}/meetings/${meetingId}/papers${occurrence ? `?occurrence=${key(occurrence)}` : ''}`;
export const meetingLink = (pid, meetingId, occurrence) =>
  `/p/${pid}/meetings/${meetingId}${occurrence ? `?occurrence=${key(occurrence)}` : ''}`;

/**
 * Shows the notes of the meeting in `host`: editors start them (the server makes one document however many open
 * it at once) and write; everyone else reads. Returns the cleanup.
 */
export async function mountNotes(host, { pid, meetingId, occurrence }) {
  let stopEditor = null;
  let closed = false;
  mount(host, html`<section class="card meeting-notes" aria-labelledby="notes-title">
    <h2 id="notes-title">${t('notes.title')}</h2>
    <p class="muted">${can('Editor') ? t('notes.intro') : t('notes.readOnly')}</p>
    <div class="notes-editor"></div></section>`);
  const box = $('.notes-editor', host);
  const show = async notes => {
    if (stopEditor || closed) return;
    if (!notes) {
      mount(box, html`<p class="empty">${t('notes.notStarted')}</p>`);
      return;
    }
    stopEditor = () => {}; // taken: a live event meanwhile must not open a second editor
    // The documents feature's editor as it is (same OT client, hub and guarantees), loaded with the notes.
    const { renderDocument } = await import('../../pages/documents.js');
    if (closed) return;
    box.replaceChildren();
    stopEditor = await renderDocument({ pid, docId: notes.documentId }, box) ?? (() => {});
    embedded(box);
  };
  const papers = await get(papersUrl(pid, meetingId, occurrence));
  await show(papers.notes ?? (can('Editor') ? await post(`/api/partnerships/${pid}/meetings/${meetingId}/notes`,
    { occurrence }) : null));
  const off = on('meeting.papers', p => {
    if (p.meetingId === meetingId && (p.occurrence ?? null) === occurrence && p.kind === 'Notes') show(p);
  });
  return () => { closed = true; off(); stopEditor?.(); };
}

/** Inside the meeting page the editor's own page head gives way: no way back to the list, a smaller heading. */
function embedded(box) {
  $('.doc-head .back', box)?.remove();
  const title = $('#doc-title', box);
  if (title) {
    const h3 = document.createElement('h3');
    h3.id = 'doc-title';
    h3.textContent = title.textContent;
    title.replaceWith(h3);
  }
}

/** On a notes or minutes document's own page: a link back to its meeting. */
export async function linkBackToMeeting(main, pid, docId) {
  const papers = await get(`/api/partnerships/${pid}/meeting-documents`).catch(() => []);
  const paper = papers.find(p => p.documentId === docId);
  const head = $('.doc-head', main);
  if (!paper || !head || main.closest('.meeting-notes')) return;
  const meeting = await get(`/api/partnerships/${pid}/meetings/${paper.meetingId}`).catch(() => null);
  if (!meeting || !head.isConnected) return;
  const link = document.createElement('a');
  link.className = 'back meeting-back';
  link.href = meetingLink(pid, paper.meetingId, paper.occurrence);
  link.textContent = `← ${t('notes.meeting', { title: meeting.title })}`;
  head.querySelector('.back')?.after(link);
}

/** The documents list: meeting notes and minutes are moved under a heading of their own, each marked. */
export async function groupMeetingDocuments(main, pid) {
  const papers = await get(`/api/partnerships/${pid}/meeting-documents`).catch(() => []);
  const list = $('.doc-list', main);
  if (!list || papers.length === 0) return;
  const kinds = new Map(papers.map(p => [p.documentId, p.kind]));
  const items = [...list.children].filter(li => kinds.has(li.querySelector('a')?.getAttribute('href')?.split('/')
    .pop()));
  if (items.length === 0) return;
  const group = document.createElement('section');
  group.className = 'meeting-docs';
  mount(group, html`<h2>${t('notes.docsGroup')}</h2><ul class="doc-list"></ul>`);
  for (const li of items) {
    const kind = kinds.get(li.querySelector('a').getAttribute('href').split('/').pop());
    const badge = document.createElement('span');
    badge.className = `badge muted kind-${kind.toLowerCase()}`;
    badge.textContent = t(`notes.kind.${kind}`);
    li.querySelector('a').after(' ', badge);
    $('ul', group).append(li);
  }
  list.after(group);
}
