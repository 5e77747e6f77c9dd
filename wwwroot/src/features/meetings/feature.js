// Manifest of the meetings section: meeting series, agendas, minutes and decisions.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
// Its styles: esbuild leaves out the CSS of a lazily loaded chunk, so the manifest (loaded at start) brings them.
import './meetings.css';
import './papers.css';
export default {
  key: 'meetings',
  nav: { path: '/meetings', label: 'nav.meetings', order: 50, ready: true },
  routes: [
    { path: '/p/:pid/meetings', load: () => import('./meetings.js'), render: m => m.renderMeetings },
    { path: '/p/:pid/meetings/:meetingId', load: () => import('./meetings.js'), render: m => m.renderMeeting },
  ],
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
      'meeting.notes-started': 'started the notes of “{title}”',
      'meeting.minutes-produced': 'produced the minutes of “{title}”',
      'meeting.minutes-shared': 'shared the minutes of “{title}” with {attendees}',
    },
    id: {
      'meeting.notes-started': 'memulai notula “{title}”',
      'meeting.minutes-produced': 'membuat risalah “{title}”',
      'meeting.minutes-shared': 'membagikan risalah “{title}” kepada {attendees}',
    },
  },
};
