// Manifest of the files section: files the parties share (upload, list, download, delete), live for everyone.
// Loaded at start by the registry (features/index.js): keep it tiny; the page loads when its route opens.
// Its styles: esbuild leaves out the CSS of a lazily loaded chunk, so the manifest (loaded at start) brings them.
import './files.css';
export default {
  key: 'files',
  nav: { path: '/files', label: 'nav.files', order: 90, ready: true },
  routes: [{ path: '/p/:pid/files', load: () => import('./files.js'), render: m => m.renderFiles }],
  messages: { en: { 'nav.files': 'Files' }, id: { 'nav.files': 'Berkas' } },
  // The dashboard's tile: how many files, the newest ones (core/tiles.js).
  tiles: [{ key: 'files', load: () => import('./tile.js') }],
  activity: {
    en: { 'file.uploaded': 'uploaded the file “{name}”', 'file.deleted': 'deleted the file “{name}”' },
    id: { 'file.uploaded': 'mengunggah berkas “{name}”', 'file.deleted': 'menghapus berkas “{name}”' },
  },
};
