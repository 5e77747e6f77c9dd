// Manifest of notifications: the bell in the top bar (bell.js, started by main.js), the page of all of them and
// their words.
// Loaded at start by the registry (features/index.js); its styles come with it (the bell is on every page).
import './notifications.css';
import { messages } from './words.js';

export default {
  key: 'notifications',
  routes: [
    { path: '/account/notifications', load: () => import('./page.js'), render: m => m.renderNotificationsPage },
  ],
  messages,
};
