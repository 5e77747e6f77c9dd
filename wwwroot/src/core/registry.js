// Reads the feature registry (features/index.js) without knowing any feature: a manifest is
// { key, nav?: { path, label, order, ready }, routes: [{ path, load, render }], messages?, activity? },
// where messages and activity are { en: {...}, id: {...} } and activity sentences are keyed by the entry's kind.

/** The registry module's manifests as a list. */
export const manifests = registry => Object.values(registry);

/** The sections of a partnership's navigation, in their order; `ready: false` ones are shown but not yet built. */
export function navSections(list) {
  return list.filter(f => f.nav).map(f => ({ key: f.key, ...f.nav })).sort((a, b) => a.order - b.order);
}

/** A manifest's words for addMessages(): its own messages and its activity sentences under `activity.<kind>`. */
export function messagesOf(feature) {
  const table = {};
  for (const [lang, words] of Object.entries(feature.messages ?? {})) Object.assign(table[lang] ??= {}, words);
  for (const [lang, sentences] of Object.entries(feature.activity ?? {})) {
    for (const [kind, sentence] of Object.entries(sentences)) (table[lang] ??= {})[`activity.${kind}`] = sentence;
  }
  return table;
}

/**
 * Tiles features offer the dashboard, in registry order: { key, load, draw(module, pid, element) }. The dashboard
 * gives each an element of its own and loads its code with the page, so no feature imports another.
 */
export const dashboardTiles = [];

/** Registers every manifest's routes (each page's code loads when its route first opens), words and tiles. */
export function installFeatures(list, { route, lazy, addMessages }) {
  for (const feature of list) {
    addMessages(messagesOf(feature));
    dashboardTiles.push(...(feature.tiles ?? []));
    for (const r of feature.routes ?? []) route(r.path, lazy(r.load, r.render));
  }
}
