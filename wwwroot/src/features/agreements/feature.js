// Manifest of the agreements section: agreements every party signs off, amendments, obligations, comparisons.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
// Its styles: esbuild leaves out the CSS of a lazily loaded chunk, so the manifest (loaded at start) brings them.
import './agreements.css';

export default {
  key: 'agreements',
  nav: { path: '/agreements', label: 'nav.agreements', order: 60, ready: true },
  routes: [
    { path: '/p/:pid/agreements', load: () => import('./list.js'), render: m => m.renderAgreements },
    { path: '/p/:pid/agreements/:agreementId', load: () => import('./detail.js'), render: m => m.renderAgreement },
  ],
  messages: { en: { 'nav.agreements': 'Agreements' }, id: { 'nav.agreements': 'Perjanjian' } },
  activity: {
    en: {
      'agreement.created': 'started the agreement “{title}”',
      'agreement.review': 'sent “{title}” for approval',
      'agreement.approved': 'approved revision {revision} of “{title}”',
      'agreement.signed': 'signed “{title}” (revision {revision}); every party has now approved',
      'agreement.terminated': 'terminated “{title}”',
      'agreement.amendment': 'started amendment {number} of “{title}”',
    },
    id: {
      'agreement.created': 'memulai perjanjian “{title}”',
      'agreement.review': 'mengajukan “{title}” untuk disetujui',
      'agreement.approved': 'menyetujui revisi {revision} dari “{title}”',
      'agreement.signed': 'menandatangani “{title}” (revisi {revision}); kini semua pihak telah menyetujui',
      'agreement.terminated': 'mengakhiri “{title}”',
      'agreement.amendment': 'memulai adendum {number} dari “{title}”',
    },
  },
  // The dashboard draws this tile (core/tiles.js): what awaits my approval, obligations due.
  tiles: [{ key: 'agreements', load: () => import('./tile.js') }],
};
