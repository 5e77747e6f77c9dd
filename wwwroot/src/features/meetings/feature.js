// Manifest of the meetings section: meeting series, agendas, minutes and decisions.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
// Its styles: esbuild leaves out the CSS of a lazily loaded chunk, so the manifest (loaded at start) brings them.
import './meetings.css';
import './run.css';
import './plan.css';
import './papers.css';
export default {
  key: 'meetings',
  nav: { path: '/meetings', label: 'nav.meetings', order: 50, ready: true },
  routes: [
    { path: '/p/:pid/meetings', load: () => import('./meetings.js'), render: m => m.renderMeetings },
    { path: '/p/:pid/meetings/:meetingId', load: () => import('./meetings.js'), render: m => m.renderMeeting },
    { path: '/p/:pid/meetings/:meetingId/run', load: () => import('./run.js'), render: m => m.renderRun },
    { path: '/p/:pid/decisions', load: () => import('./decision-log.js'), render: m => m.renderDecisionLog },
    { path: '/p/:pid/decisions/:decisionId', load: () => import('./decision-log.js'), render: m => m.renderDecision },
  ],
  tiles: [{ key: 'meetings', load: () => import('./meeting-tiles.js') }],
  messages: {
    en: {
      'nav.meetings': 'Meetings', 'notes.meeting': 'Meeting: {title}', 'notes.docsGroup': 'Meeting notes and minutes',
      'notes.kind.Notes': 'Meeting notes', 'notes.kind.Minutes': 'Minutes',
    },
    id: {
      'nav.meetings': 'Rapat', 'notes.meeting': 'Rapat: {title}', 'notes.docsGroup': 'Notula dan risalah rapat',
      'notes.kind.Notes': 'Notula rapat', 'notes.kind.Minutes': 'Risalah',
    },
  },
  activity: {
    en: {
      'meeting.started': 'started the meeting “{title}”', 'meeting.ended': 'ended the meeting “{title}”',
      'meeting.handedOver': 'handed the facilitator role of “{title}” to {name}',
      'meeting.scheduled': 'scheduled the meeting “{title}”',
      'meeting.updated': 'changed the meeting “{title}”',
      'meeting.cancelled': 'cancelled the meeting “{title}” (or one of its dates)',
      'meeting.moved': 'moved one meeting of “{title}”',
      'agenda.added': 'added “{title}” to the agenda of “{meeting}”',
      'agenda.removed': 'removed “{title}” from the agenda of “{meeting}”',
      'agenda.reordered': 'reordered the agenda of “{meeting}”',
      'decision.recorded': 'recorded the decision “{text}”',
      'decision.revised': 'revised the decision “{text}”: {reason}',
      'meeting.notes-started': 'started the notes of “{title}”',
      'meeting.minutes-produced': 'produced the minutes of “{title}”',
      'meeting.minutes-shared': 'shared the minutes of “{title}” with {attendees}',
    },
    id: {
      'meeting.started': 'memulai rapat “{title}”', 'meeting.ended': 'mengakhiri rapat “{title}”',
      'meeting.handedOver': 'menyerahkan peran fasilitator rapat “{title}” kepada {name}',
      'meeting.scheduled': 'menjadwalkan rapat “{title}”',
      'meeting.updated': 'mengubah rapat “{title}”',
      'meeting.cancelled': 'membatalkan rapat “{title}” (atau salah satu jadwalnya)',
      'meeting.moved': 'memindahkan satu jadwal rapat “{title}”',
      'agenda.added': 'menambahkan “{title}” ke agenda “{meeting}”',
      'agenda.removed': 'menghapus “{title}” dari agenda “{meeting}”',
      'agenda.reordered': 'mengubah urutan agenda “{meeting}”',
      'decision.recorded': 'mencatat keputusan “{text}”',
      'decision.revised': 'merevisi keputusan “{text}”: {reason}',
      'meeting.notes-started': 'memulai notula “{title}”',
      'meeting.minutes-produced': 'membuat risalah “{title}”',
      'meeting.minutes-shared': 'membagikan risalah “{title}” kepada {attendees}',
    },
  },
};
