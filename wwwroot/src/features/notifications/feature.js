// Manifest of notifications: the bell in the top bar (bell.js, started by main.js) and its words.
// Loaded at start by the registry (features/index.js); its styles come with it (the bell is on every page).
import './notifications.css';
import { messages } from './words.js';

export default {
  key: 'notifications',
  messages,
};
