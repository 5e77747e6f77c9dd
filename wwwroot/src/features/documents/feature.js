// Manifest of the documents section: co-edited documents (the plan), their comments, history and templates.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
// The editor's styles: esbuild leaves out the CSS of lazily loaded chunks, so this manifest (loaded at start)
// brings them.
import '../../editor/editor.css';
export default {
  key: 'documents',
  nav: { path: '/docs', label: 'nav.documents', order: 20, ready: true },
  routes: [
    { path: '/p/:pid/docs', load: () => import('./documents.js'), render: m => m.renderDocuments },
    { path: '/p/:pid/docs/:docId', load: () => import('./documents.js'), render: m => m.renderDocument },
  ],
  messages: { en: { 'nav.documents': 'Plan & documents' }, id: { 'nav.documents': 'Rencana & dokumen' } },
  activity: {
    en: {
      'comment.added': 'commented on “{title}”',
      'comment.resolved': 'resolved a comment on “{title}”',
      'comment.reopened': 'reopened a comment on “{title}”',
      'document.restored': 'restored an earlier version of “{title}” (revision {revision})',
    },
    id: {
      'comment.added': 'mengomentari “{title}”',
      'comment.resolved': 'menandai komentar pada “{title}” selesai',
      'comment.reopened': 'membuka lagi komentar pada “{title}”',
      'document.restored': 'memulihkan versi sebelumnya dari “{title}” (revisi {revision})',
    },
  },
};
