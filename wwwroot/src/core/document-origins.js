// Documents that a meeting made (its live notes, its minutes) are ordinary partnership documents; the documents
// pages ask the server which ones they are, so the list keeps them apart from the plans and each such document links
// back to its meeting. (In the kernel because the documents feature may not import the meetings feature.)
import { mount, html, $ } from './dom.js';
import { t } from './i18n.js';
import { get } from './api.js';

const origins = pid => get(`/api/partnerships/${pid}/meeting-documents`).catch(() => []);
const key = occurrence => (occurrence ? occurrence.replace(/[-:]/g, '').slice(0, 15) : '');

/** On a notes or minutes document's own page: a link back to its meeting, after the way back to the list. */
export async function linkBackToMeeting(main, pid, docId) {
  const paper = (await origins(pid)).find(p => p.documentId === docId);
  if (!paper) return;
  const meeting = await get(`/api/partnerships/${pid}/meetings/${paper.meetingId}`).catch(() => null);
  const head = $('.doc-head', main);
  if (!meeting || !head?.isConnected) return;
  const link = document.createElement('a');
  link.className = 'back meeting-back';
  link.href = `/p/${pid}/meetings/${paper.meetingId}${paper.occurrence ? `?occurrence=${key(paper.occurrence)}` : ''}`;
  link.textContent = `← ${t('notes.meeting', { title: meeting.title })}`;
  head.querySelector('.back')?.after(link);
}

/** The documents list: meeting notes and minutes move under a heading of their own, each marked with its kind. */
export async function groupMeetingDocuments(main, pid) {
  const papers = await origins(pid);
  const list = $('.doc-list', main);
  if (!list || papers.length === 0) return;
  const kinds = new Map(papers.map(p => [p.documentId, p.kind]));
  const idOf = li => li.querySelector('a')?.getAttribute('href')?.split('/').pop();
  const items = [...list.children].filter(li => kinds.has(idOf(li)));
  if (items.length === 0) return;
  const group = document.createElement('section');
  group.className = 'meeting-docs';
  mount(group, html`<h2>${t('notes.docsGroup')}</h2><ul class="doc-list"></ul>`);
  for (const li of items) {
    const kind = kinds.get(idOf(li));
    const badge = document.createElement('span');
    badge.className = `badge muted kind-${kind.toLowerCase()}`;
    badge.textContent = t(`notes.kind.${kind}`);
    li.querySelector('a').after(' ', badge);
    $('ul', group).append(li);
  }
  list.after(group);
}
