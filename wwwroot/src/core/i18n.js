// UI text in English and Bahasa Indonesia. Each feature registers its own messages with
// addMessages(); t(key, params) looks them up in the chosen language, falling back to English.
const messages = { en: {}, id: {} };
export const languages = [
  { code: 'en', label: 'English' },
  { code: 'id', label: 'Bahasa Indonesia' },
];

function initialLanguage() {
  const saved = localStorage.getItem('lang');
  if (saved && messages[saved]) return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('id') ? 'id' : 'en';
}

let current = initialLanguage();
const listeners = new Set();

export function addMessages(table) {
  for (const [lang, dict] of Object.entries(table)) Object.assign(messages[lang] ??= {}, dict);
}

export function lang() { return current; }
export function locale() { return current === 'id' ? 'id-ID' : 'en-GB'; }

export function setLang(code) {
  if (!messages[code] || code === current) return;
  current = code;
  localStorage.setItem('lang', code);
  document.documentElement.lang = code;
  for (const fn of listeners) fn(code);
}

export function onLangChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }

export function t(key, params) {
  let text = messages[current][key] ?? messages.en[key] ?? key;
  if (params) text = text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
  return text;
}

export function formatDate(value, options = { dateStyle: 'medium' }) {
  if (!value) return '';
  const d = typeof value === 'string' && value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale(), options).format(d);
}

export function formatDateTime(value) {
  return formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(value, options) {
  return new Intl.NumberFormat(locale(), options).format(value);
}

document.documentElement.lang = current;
