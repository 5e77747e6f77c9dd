// Compare two revisions of an agreement, or its signed text with a draft amendment: inline (word runs over the
// whole text) and side by side (lines, words within). Side by side folds long unchanged stretches so the changes
// are on screen at once; on phones it stacks each changed line's before over its after (agreements.css). A large
// rewrite comes back `coarse` (the server bounds its work): some changed lines are whole, not word by word.
import { html, mount, $, toast } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { arrowTabs } from '../../core/tabs.js';
import { compare } from './api.js';

export function compareCard(detail) {
  const top = detail.signOff.revision;
  return html`<section class="card agr-compare" aria-labelledby="agr-compare-title">
    <h2 id="agr-compare-title">${t('agr.compare')}</h2>
    <form id="agr-compare-form" class="agr-compare-form">
      <label>${t('agr.compareFrom')}<select name="from">
        ${detail.amendmentNumber ? html`<option value="signed">${t('agr.compareSigned')}</option>` : ''}
        ${revisions(top).map(r => html`<option value="${r}" ${r === 1 && !detail.amendmentNumber ? 'selected' : ''}>
          ${t('agr.revision', { revision: r })}</option>`)}</select></label>
      <label>${t('agr.compareTo')}<input name="to" type="number" min="0" max="${top}" value="${top}"></label>
      <button type="submit">${t('agr.show')}</button>
    </form>
    <div id="agr-diff"></div></section>`;
}

/** A few useful starting points: the first revisions and the most recent ones. */
function revisions(top) {
  const list = new Set([0, 1, Math.max(0, top - 10), Math.max(0, top - 1)]);
  return [...list].filter(r => r <= top).sort((a, b) => a - b);
}

/**
 * `shown` outlives the page's redraws (a live change redraws the whole page): the comparison last asked for is
 * drawn again, with the same choices and tab, instead of vanishing under the person's eyes.
 */
export function wireCompare(main, pid, agreementId, shown) {
  const form = $('#agr-compare-form', main);
  if (!form) return;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const from = form.elements.from.value;
    const to = form.elements.to.value;
    try {
      Object.assign(shown, { from, to, diff: await compare(pid, agreementId, from, to), inline: true });
      showDiff($('#agr-diff', main), shown);
    } catch (err) { toast(err.message, 'error'); }
  });
  if (!shown.diff) return;
  form.elements.from.value = shown.from;
  form.elements.to.value = shown.to;
  showDiff($('#agr-diff', main), shown);
}

/**
 * The side-by-side rows to draw: every changed line with `context` unchanged lines around it; each longer
 * unchanged stretch becomes one { skip: n } row. Lines are { index } (into diff.old and diff.new alike).
 */
export function foldRows(oldLines, newLines, context = 2) {
  const changed = oldLines.map((line, i) => line.kind !== 'equal' || (newLines[i]?.kind ?? 'blank') !== 'equal');
  const near = changed.map((_, i) => changed.slice(Math.max(0, i - context), i + context + 1).some(Boolean));
  const rows = [];
  near.forEach((keep, index) => {
    if (keep) rows.push({ index });
    else if (rows.at(-1)?.skip) rows.at(-1).skip++;
    else rows.push({ skip: 1 });
  });
  return rows;
}

function segments(list) {
  return list.map(s => s.kind === 'inserted' ? html`<ins><span class="sr-only">[${t('agr.inserted')}]
    </span>${s.text}</ins>`
    : s.kind === 'deleted' ? html`<del><span class="sr-only">[${t('agr.deleted')}] </span>${s.text}</del>` : s.text);
}

/** "signed" or "r12" as a person reads it. */
const sideName = label => label === 'signed' ? t('agr.signedText') : t('agr.rev', { revision: label.slice(1) });

function sideRow(diff, row, before, after) {
  if (row.skip) {
    return html`<tr class="agr-skip"><td colspan="2">${t('agr.unchangedLines', { n: row.skip })}</td></tr>`;
  }
  const older = diff.old[row.index];
  const newer = diff.new[row.index];
  return html`<tr class="${older.kind === 'equal' ? 'agr-same' : ''}">
    <td class="agr-line-${older.kind}" data-label="${before}">${segments(older.segments)}</td>
    <td class="agr-line-${newer?.kind ?? 'blank'}" data-label="${after}">${segments(newer?.segments ?? [])}</td></tr>`;
}

function showDiff(target, shown) {
  const { diff } = shown;
  const before = t('agr.diffSide', { side: t('agr.diffOld'), name: sideName(diff.fromLabel) });
  const after = t('agr.diffSide', { side: t('agr.diffNew'), name: sideName(diff.toLabel) });
  const rows = foldRows(diff.old, diff.new);
  mount(target, html`<p class="muted">${t('agr.diffCount', { inserted: diff.inserted, deleted: diff.deleted })}</p>
    ${diff.coarse ? html`<p class="agr-diff-coarse" role="note">${t('agr.diffCoarse')}</p>` : ''}
    <div class="tabs" role="tablist">
      <button type="button" role="tab" id="diff-tab-inline" aria-selected="true"
        aria-controls="diff-inline">${t('agr.inline')}</button>
      <button type="button" role="tab" id="diff-tab-sides" aria-selected="false" aria-controls="diff-sides"
        tabindex="-1">${t('agr.sideBySide')}</button>
    </div>
    <div id="diff-inline" role="tabpanel" aria-labelledby="diff-tab-inline" tabindex="0"
      class="agr-diff-inline">${segments(diff.inline)}</div>
    <div id="diff-sides" role="tabpanel" aria-labelledby="diff-tab-sides" tabindex="0" class="agr-diff-sides" hidden>
      <table><thead><tr><th scope="col">${before}</th><th scope="col">${after}</th></tr></thead>
      <tbody>${rows.map(row => sideRow(diff, row, before, after))}</tbody></table></div>`);
  const show = inline => {
    shown.inline = inline;
    $('#diff-tab-inline', target).setAttribute('aria-selected', String(inline));
    $('#diff-tab-sides', target).setAttribute('aria-selected', String(!inline));
    $('#diff-inline', target).hidden = !inline;
    $('#diff-sides', target).hidden = inline;
  };
  $('#diff-tab-inline', target).addEventListener('click', () => show(true));
  $('#diff-tab-sides', target).addEventListener('click', () => show(false));
  arrowTabs($('.tabs', target));
  if (!shown.inline) show(false);
}
