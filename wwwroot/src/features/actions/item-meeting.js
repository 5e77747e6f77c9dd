// An action item captured in a meeting remembers it: the board shows that meeting's title as a link.
import { html } from '../../core/dom.js';
import { get } from '../../core/api.js';
import { t, addMessages } from '../../core/i18n.js';

addMessages({
  en: { 'itemMeeting.from': 'From the meeting “{title}”' },
  id: { 'itemMeeting.from': 'Dari rapat “{title}”' },
});

const known = new Map();

/** Looks up the meetings the items name that are not known yet; true when any was new (draw again). */
export async function learnMeetings(pid, items) {
  const wanted = [...new Set(items.map(i => i.meetingId).filter(id => id && !known.has(id)))];
  const found = await Promise.all(wanted.map(id => get(`/api/partnerships/${pid}/meetings/${id}`).catch(() => null)));
  found.forEach((m, n) => known.set(wanted[n], m));
  return wanted.length > 0;
}

/** The badge of an item's meeting (a single meeting links to its page, a series to the meetings list). */
export function meetingBadge(pid, item) {
  const meeting = item.meetingId ? known.get(item.meetingId) : null;
  if (!meeting) return '';
  const href = meeting.recurrence === 'None' ? `/p/${pid}/meetings/${meeting.id}` : `/p/${pid}/meetings`;
  return html`<a class="badge muted meeting-link" href="${href}" title="${t('itemMeeting.from', {
    title: meeting.title })}">${meeting.title}</a>`;
}
