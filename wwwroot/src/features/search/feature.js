// Manifest of search: the box in the top bar (box.js, started by main.js) and the results page of a partnership.
// Loaded at start by the registry (features/index.js); its styles and words come with it (the box is on every
// partnership page). The results page loads when its route first opens.
import './search.css';
import { messages } from './words.js';

export default {
  key: 'search',
  routes: [{ path: '/p/:pid/search', load: () => import('./search.js'), render: m => m.renderSearch }],
  messages,
};
