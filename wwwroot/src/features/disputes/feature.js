// Manifest of the disputes section: disagreements taken through the agreed steps to a resolution every party accepts.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
// Its styles: esbuild leaves out the CSS of a lazily loaded chunk, so the manifest (loaded at start) brings them.
import './disputes.css';
export default {
  key: 'disputes',
  nav: { path: '/disputes', label: 'nav.disputes', order: 70, ready: true },
  routes: [
    { path: '/p/:pid/disputes', load: () => import('./disputes.js'), render: m => m.renderDisputes },
    { path: '/p/:pid/disputes/:disputeId', load: () => import('./dispute.js'), render: m => m.renderDispute },
  ],
  // The dashboard's tile of open disputes and their deadlines (core/tiles.js).
  tiles: [{ key: 'disputes', load: () => import('./tile.js') }],
  messages: { en: { 'nav.disputes': 'Disputes' }, id: { 'nav.disputes': 'Sengketa' } },
  activity: {
    en: {
      'dispute.raised': 'raised the dispute D{number} “{title}”',
      'dispute.step': 'moved the dispute D{number} “{title}” to the next step',
      'dispute.proposed': 'made proposal {proposal} in the dispute D{number} “{title}”',
      'dispute.answered': 'answered proposal {proposal} in the dispute D{number} “{title}”',
      'dispute.withdrawn': 'withdrew proposal {proposal} in the dispute D{number} “{title}”',
      'dispute.resolved': 'completed the resolution of the dispute D{number} “{title}”',
    },
    id: {
      'dispute.raised': 'mengajukan sengketa D{number} “{title}”',
      'dispute.step': 'memindahkan sengketa D{number} “{title}” ke tahap berikutnya',
      'dispute.proposed': 'mengajukan usulan {proposal} dalam sengketa D{number} “{title}”',
      'dispute.answered': 'menanggapi usulan {proposal} dalam sengketa D{number} “{title}”',
      'dispute.withdrawn': 'menarik kembali usulan {proposal} dalam sengketa D{number} “{title}”',
      'dispute.resolved': 'menuntaskan penyelesaian sengketa D{number} “{title}”',
    },
  },
};
