// Manifest of the goals section: shared goals and the KPIs that measure them.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
export default {
  key: 'goals',
  nav: { path: '/goals', label: 'nav.goals', order: 30, ready: true },
  routes: [
    { path: '/p/:pid/goals', load: () => import('./goals.js'), render: m => m.renderGoals },
  ],
  messages: { en: { 'nav.goals': 'Goals & KPIs' }, id: { 'nav.goals': 'Tujuan & KPI' } },
  activity: {
    en: {
      'goal.created': 'added the goal “{title}”',
      'goal.updated': 'updated the goal “{title}”',
      'goal.status': 'set the goal “{title}” to {status}',
      'goal.deleted': 'deleted the goal “{title}”',
      'kpi.created': 'added the KPI “{name}”',
      'kpi.updated': 'updated the KPI “{name}”',
      'kpi.deleted': 'deleted the KPI “{name}”',
      'kpi.measured': 'recorded {value} {unit} for “{name}” on {date}',
      'kpi.measurement-deleted': 'removed the {date} value of “{name}”',
    },
    id: {
      'goal.created': 'menambahkan tujuan “{title}”',
      'goal.updated': 'memperbarui tujuan “{title}”',
      'goal.status': 'mengubah status tujuan “{title}” menjadi {status}',
      'goal.deleted': 'menghapus tujuan “{title}”',
      'kpi.created': 'menambahkan KPI “{name}”',
      'kpi.updated': 'memperbarui KPI “{name}”',
      'kpi.deleted': 'menghapus KPI “{name}”',
      'kpi.measured': 'mencatat {value} {unit} untuk “{name}” pada {date}',
      'kpi.measurement-deleted': 'menghapus nilai {date} dari “{name}”',
    },
  },
};
