// Manifest of the account section: my account: name and password.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
export default {
  key: 'account',
  routes: [
    { path: '/account', load: () => import('./account.js'), render: m => m.renderAccount },
  ],
};
