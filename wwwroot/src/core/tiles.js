// Dashboard tiles that sections contribute through their manifest (`tiles: [{ key, load }]`), so the dashboard
// shows them without knowing any section. `load()` imports a module with fetchTiles(pid) → data and
// renderTiles(pid, data) → markup (one or more `section.card`).
const tiles = [];

export function addTiles(list) { tiles.push(...list); }

/** Each contributed tile's markup for one partnership, in registry order; a tile that fails is left out. */
export async function dashboardTiles(pid) {
  return Promise.all(tiles.map(async tile => {
    try {
      const module = await tile.load();
      return module.renderTiles(pid, await module.fetchTiles(pid));
    } catch {
      return '';
    }
  }));
}
