// Manifest of the reviews section: periodic rounds in which every member of every party rates the partnership.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
// Its styles: esbuild leaves out the CSS of a lazily loaded chunk, so the manifest (loaded at start) brings them.
import './reviews.css';
export default {
  key: 'reviews',
  nav: { path: '/reviews', label: 'nav.reviews', order: 80, ready: true },
  routes: [
    { path: '/p/:pid/reviews', load: () => import('./reviews.js'), render: m => m.renderReviews },
    { path: '/p/:pid/reviews/:roundId', load: () => import('./review.js'), render: m => m.renderReview },
  ],
  // The dashboard's tile of open rounds (core/tiles.js).
  tiles: [{ key: 'reviews', load: () => import('./tile.js') }],
  messages: { en: { 'nav.reviews': 'Reviews' }, id: { 'nav.reviews': 'Tinjauan' } },
  activity: {
    en: {
      'review.opened': 'opened the review R{number} “{title}”',
      'review.answered': 'answered the review R{number} “{title}”',
      'review.answerChanged': 'changed their answer to the review R{number} “{title}”',
      'review.closed': 'closed the review R{number} “{title}”',
      'review.closedOnDate': 'The review R{number} “{title}” closed at its closing date',
      'review.changeAgreed': 'noted an agreed change in the review R{number} “{title}”',
      'review.itemCreated': 'made action item A{item} of an agreed change in the review R{number} “{title}”',
    },
    id: {
      'review.opened': 'membuka tinjauan R{number} “{title}”',
      'review.answered': 'menjawab tinjauan R{number} “{title}”',
      'review.answerChanged': 'mengubah jawabannya pada tinjauan R{number} “{title}”',
      'review.closed': 'menutup tinjauan R{number} “{title}”',
      'review.closedOnDate': 'Tinjauan R{number} “{title}” ditutup pada tanggal penutupannya',
      'review.changeAgreed': 'mencatat perubahan yang disepakati dalam tinjauan R{number} “{title}”',
      'review.itemCreated': 'membuat tugas A{item} dari perubahan yang disepakati dalam tinjauan R{number} “{title}”',
    },
  },
};
