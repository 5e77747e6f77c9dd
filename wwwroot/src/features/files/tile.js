// The dashboard's tile of shared files: how many there are and the newest three, each a download.
import { html } from '../../core/dom.js';
import { t, formatNumber } from '../../core/i18n.js';
import { get } from '../../core/api.js';
import { formatBytes } from '../../core/bytes.js';
import './i18n.js';

/** The tile's data and markup as the dashboard asks for them (core/tiles.js). */
export const fetchTiles = pid => get(`/api/partnerships/${pid}/files`);

export function renderTiles(pid, list) {
  const files = list.files ?? [];
  return html`<section class="card" id="files-tile">
    <h2>${t('files.tile', { n: formatNumber(files.length) })} <a class="more" href="/p/${pid}/files">${
      t('files.all')} →</a></h2>
    ${files.length === 0 ? html`<p class="empty">${t('files.none')}</p>` : html`<ul class="mini-items">
      ${files.slice(0, 3).map(f => html`<li><a class="clamp" href="/api/partnerships/${pid}/files/${f.id}/content"
        download="${f.name}">${f.name}</a><small class="muted">${formatBytes(f.size)} · ${f.partyName}</small></li>`)}
    </ul>`}
  </section>`;
}
