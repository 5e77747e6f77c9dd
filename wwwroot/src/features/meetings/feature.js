// Manifest of the meetings section: meeting series, agendas, minutes and decisions.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
// Its styles: esbuild leaves out the CSS of a lazily loaded chunk, so the manifest (loaded at start) brings them.
import './meetings.css';
export default {
  key: 'meetings',
  nav: { path: '/meetings', label: 'nav.meetings', order: 50, ready: true },
  routes: [
    { path: '/p/:pid/meetings', load: () => import('./meetings.js'), render: m => m.renderMeetings },
    { path: '/p/:pid/meetings/:meetingId', load: () => import('./meetings.js'), render: m => m.renderMeeting },
  ],
  messages: { en: { 'nav.meetings': 'Meetings' }, id: { 'nav.meetings': 'Rapat' } },
};
