// Editing a meeting (title, start, duration, time zone, place or link, facilitator, attendees, the series' KPIs).
// Owners and the facilitator may; the dialog follows live changes and merges three ways on a stale version
// (core/versioned.js), like action items and goals.
import { toast } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { get, put } from '../../core/api.js';
import { session, can } from '../../core/session.js';
import { versionedDialog } from '../../core/versioned.js';

const recurrences = ['None', 'Weekly', 'EveryTwoWeeks', 'Monthly', 'Quarterly'];
const joined = list => [...(list ?? [])].sort().join(',');
const split = text => (text ? text.split(',') : []);

export const mayManage = meeting => can('Owner') || meeting.facilitatorUserId === session.me.id;

/** What the form shows of a meeting: minutes-precision local start, lists as sorted comma-joined ids. */
const formOf = m => ({ ...m, start: m.start.slice(0, 16), attendeeUserIds: joined(m.attendeeUserIds),
  kpiIds: joined(m.kpiIds) });

export async function editMeeting({ pid, partnership, meeting, onSaved }) {
  const board = await get(`/api/partnerships/${pid}/goals`);
  const members = partnership.members.map(m => ({ value: m.userId, label: m.displayName }));
  versionedDialog({
    entity: meeting,
    event: 'meeting.updated',
    formOf,
    title: t('plan.edit'),
    fields: [
      { name: 'title', label: t('meetings.field.title'), value: meeting.title, required: true, maxlength: 200 },
      { name: 'start', label: t('meetings.field.start'), type: 'datetime-local', value: formOf(meeting).start,
        required: true },
      { name: 'durationMinutes', label: t('meetings.field.duration'), type: 'number', value: meeting.durationMinutes },
      { name: 'timeZone', label: t('meetings.field.zone'), value: meeting.timeZone, required: true },
      { name: 'recurrence', label: t('meetings.field.recurrence'), type: 'select', value: meeting.recurrence,
        options: recurrences.map(r => ({ value: r, label: t(`meetings.rec.${r}`) })) },
      { name: 'location', label: t('meetings.field.location'), value: meeting.location, maxlength: 500 },
      { name: 'facilitatorUserId', label: t('meetings.facilitator'), type: 'select',
        value: meeting.facilitatorUserId, options: members },
      { name: 'attendeeUserIds', label: t('plan.field.attendees'), type: 'checks',
        value: joined(meeting.attendeeUserIds), options: members },
      ...(board.kpis.length ? [{ name: 'kpiIds', label: t('plan.field.kpis'), type: 'checks',
        value: joined(meeting.kpiIds), options: board.kpis.map(k => ({ value: k.id, label: k.name })) }] : []),
    ],
    save: async (v, version) => {
      const saved = await put(`/api/partnerships/${pid}/meetings/${meeting.id}`, {
        ...v, start: v.start ? `${v.start}:00`.slice(0, 19) : null, until: meeting.until,
        attendeeUserIds: split(v.attendeeUserIds), kpiIds: v.kpiIds === undefined ? null : split(v.kpiIds),
        location: v.location ?? '', version,
      });
      toast(t('plan.saved'));
      onSaved?.(saved);
      return saved;
    },
    onConflict: current => onSaved?.(current),
  });
}
