// Manifest of the actions section: action items: a board and a filtered list.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
export default {
  key: 'actions',
  nav: { path: '/actions', label: 'nav.actions', order: 40, ready: true },
  routes: [
    { path: '/p/:pid/actions', load: () => import('./actions.js'), render: m => m.renderActions },
  ],
  messages: { en: { 'nav.actions': 'Action items' }, id: { 'nav.actions': 'Tindak lanjut' } },
  activity: {
    en: {
      'action.created': 'added the action item A{number} “{title}”',
      'action.from-checklist': 'added the action item A{number} “{title}” from a checklist',
      'action.updated': 'updated A{number} “{title}”',
      'action.moved': 'moved A{number} “{title}” from {fromStatus} to {toStatus}',
      'action.deleted': 'deleted the action item A{number} “{title}”',
      'action.linked': 'linked A{number} “{title}” to a checklist',
      'action.ticked': 'ticked A{number} “{title}” in a checklist',
      'action.unticked': 'unticked A{number} “{title}” in a checklist',
    },
    id: {
      'action.created': 'menambahkan tugas A{number} “{title}”',
      'action.from-checklist': 'menambahkan tugas A{number} “{title}” dari checklist dokumen',
      'action.updated': 'memperbarui A{number} “{title}”',
      'action.moved': 'memindahkan A{number} “{title}” dari {fromStatus} ke {toStatus}',
      'action.deleted': 'menghapus tugas A{number} “{title}”',
      'action.linked': 'menautkan A{number} “{title}” ke checklist dokumen',
      'action.ticked': 'mencentang A{number} “{title}” di checklist dokumen',
      'action.unticked': 'menghapus centang A{number} “{title}” di checklist dokumen',
    },
  },
};
