// Manifest of the home section: the list of my partnerships and a new one.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
export default {
  key: 'home',
  routes: [
    { path: '/', load: () => import('./home.js'), render: m => m.renderHome },
  ],
};
