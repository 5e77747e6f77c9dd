// Manifest of the meetings section: meeting series, agendas, minutes and decisions.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
// Its styles: esbuild leaves out the CSS of a lazily loaded chunk, so the manifest (loaded at start) brings them.
import './meetings.css';
import './run.css';
export default {
  key: 'meetings',
  nav: { path: '/meetings', label: 'nav.meetings', order: 50, ready: true },
  routes: [
    { path: '/p/:pid/meetings', load: () => import('./meetings.js'), render: m => m.renderMeetings },
    { path: '/p/:pid/meetings/:meetingId', load: () => import('./meetings.js'), render: m => m.renderMeeting },
    { path: '/p/:pid/meetings/:meetingId/run', load: () => import('./run.js'), render: m => m.renderRun },
  ],
  messages: { en: { 'nav.meetings': 'Meetings' }, id: { 'nav.meetings': 'Rapat' } },
  activity: {
    en: {
      'meeting.started': 'started the meeting “{title}”', 'meeting.ended': 'ended the meeting “{title}”',
      'meeting.handedOver': 'handed the facilitator role of “{title}” to {name}',
    },
    id: {
      'meeting.started': 'memulai rapat “{title}”', 'meeting.ended': 'mengakhiri rapat “{title}”',
      'meeting.handedOver': 'menyerahkan peran fasilitator rapat “{title}” kepada {name}',
    },
  },
};
