// Manifest of the activity section: the partnership's activity log.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
export default {
  key: 'activity',
  nav: { path: '/activity', label: 'nav.activity', order: 110, ready: true },
  routes: [
    { path: '/p/:pid/activity', load: () => import('./activity.js'), render: m => m.renderActivity },
  ],
  messages: { en: { 'nav.activity': 'Activity' }, id: { 'nav.activity': 'Aktivitas' } },
};
