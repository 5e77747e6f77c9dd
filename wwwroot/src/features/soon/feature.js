// Manifests of the sections shown in the navigation before they are built: each opens a page saying what it will do.
// Building one: give it its own folder and manifest, and replace its name here and in features/index.js.
const soon = (key, order, en, id) => ({
  key,
  nav: { path: `/${key}`, label: `nav.${key}`, order, ready: false },
  routes: [{ path: `/p/:pid/${key}`, load: () => import('./soon.js'), render: m => m.comingSoon(key) }],
  messages: { en: { [`nav.${key}`]: en }, id: { [`nav.${key}`]: id } },
});

export const files = soon('files', 90, 'Files', 'Berkas');
