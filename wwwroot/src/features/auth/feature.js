// Manifest of the auth section: sign-in and sign-up (the form main.js shows signed out) and accepting an invitation.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
export default {
  key: 'auth',
  routes: [
    { path: '/invite/:token', load: () => import('./invite.js'), render: m => m.renderInvite },
  ],
};
