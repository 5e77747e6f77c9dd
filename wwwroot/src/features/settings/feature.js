// Manifest of the settings section: renaming, archiving and restoring the partnership.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
export default {
  key: 'settings',
  nav: { path: '/settings', label: 'nav.settings', order: 120, ready: true },
  routes: [
    { path: '/p/:pid/settings', load: () => import('./settings.js'), render: m => m.renderSettings },
  ],
  messages: { en: { 'nav.settings': 'Settings' }, id: { 'nav.settings': 'Pengaturan' } },
  activity: {
    en: {
      'partnership.created': 'created the partnership “{name}” for {party}',
      'partnership.renamed': 'renamed the partnership from “{from}” to “{to}”',
      'partnership.archived': 'archived the partnership (read-only from now on)',
      'partnership.restored': 'restored the partnership from the archive',
    },
    id: {
      'partnership.created': 'membuat kemitraan “{name}” untuk {party}',
      'partnership.renamed': 'mengganti nama kemitraan dari “{from}” menjadi “{to}”',
      'partnership.archived': 'mengarsipkan kemitraan (kini hanya dapat dibaca)',
      'partnership.restored': 'memulihkan kemitraan dari arsip',
    },
  },
};
