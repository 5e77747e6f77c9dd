// Manifest of the dashboard section: the partnership at a glance (goals, KPIs, action items, meetings,
// recent activity).
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
export default {
  key: 'dashboard',
  nav: { path: '', label: 'nav.dashboard', order: 10, ready: true },
  routes: [
    { path: '/p/:pid', load: () => import('./dashboard.js'), render: m => m.renderDashboard },
  ],
  messages: { en: { 'nav.dashboard': 'Dashboard' }, id: { 'nav.dashboard': 'Dasbor' } },
};
