// Parts of the agreement page that only draw: clauses, signature page, amendments, obligations, comparison.
import { html, mount, $, toast } from '../../core/dom.js';
import { t, formatDate, formatDateTime } from '../../core/i18n.js';
import { formDialog } from '../../core/dialog.js';
import { arrowTabs } from '../../core/tabs.js';
import { statusLabel } from '../../core/labels.js';
import { compare } from './api.js';
import { statusBadge } from './list.js';

export function clausesCard(clauses) {
  return html`<section class="card agr-clauses" aria-labelledby="agr-clauses-title">
    <h2 id="agr-clauses-title">${t('agr.clauses')}</h2>
    <ol class="agr-clause-list">${clauses.map(c => html`<li data-clause="${c.number}">
      <span class="num">§${c.number}</span> ${c.title}
      ${c.amendedBy ? html`<span class="badge">${t('agr.amendedBy', { n: c.amendedBy })}</span>` :
        ''}</li>`)}</ol></section>`;
}

export function signaturePage(page) {
  if (!page) return '';
  return html`<section class="agr-signature-page" id="signature-page" aria-labelledby="sig-title">
    <h2 id="sig-title">${t('agr.signaturePage')}</h2>
    <p>${t('agr.signedRevision', { revision: page.revision })}</p>
    <p class="agr-hash-full"><code>${page.hash}</code></p>
    <ul>${page.signatures.map(s => html`<li>${t('agr.signedFor', { party: s.party, name: s.name,
      when: formatDateTime(s.at) })}</li>`)}</ul></section>`;
}

export function amendmentsCard(pid, detail) {
  const others = detail.amendments.filter(a => a.id !== detail.id);
  return html`<section class="card agr-amendments" aria-labelledby="agr-amend-title">
    <h2 id="agr-amend-title">${t('agr.amendments')}</h2>
    ${detail.amendsId ? html`<p><a href="/p/${pid}/agreements/${detail.amendsId}">← ${t('agr.toAgreement')}</a></p>`
      : ''}
    ${others.length === 0 ? html`<p class="muted">${t('agr.noAmendments')}</p>`
    : html`<ul>${others.map(a => html`<li><a href="/p/${pid}/agreements/${a.id}">${t('agr.amendment', { n:
      a.amendmentNumber })}</a>
      ${statusBadge(a.status)}</li>`)}</ul>`}</section>`;
}

/** Each obligation of a clause with its due dates, each date the action item of the responsible party. */
export function obligationsCard(pid, partnership, obligations, editor) {
  const party = id => partnership.parties.find(p => p.id === id)?.name ?? '';
  return html`<section class="card agr-obligations" aria-labelledby="agr-obl-title">
    <h2 id="agr-obl-title">${t('agr.obligations')}</h2>
    ${obligations.length === 0 ? html`<p class="muted">${t('agr.noObligations')}</p>`
    : html`<ul class="agr-obl-list">${obligations.map(o => html`<li class="agr-obl" data-obligation="${o.id}">
      <strong>${t('agr.obl.head', { clause: o.clauseNumber, title: o.title })}</strong>
      <span class="muted">${t('agr.obl.who', { party: party(o.partyId), schedule: t(`agr.obl.${o.schedule}`) })}</span>
      <ul class="agr-obl-items">${o.actionItems.map(i => html`<li>
        <a href="/p/${pid}/actions?item=${i.number}">A${i.number}</a>
        ${t('agr.obl.item', { due: i.dueDate ? formatDate(i.dueDate) : '—', owner: i.ownerName ?? '—' })}
        <span class="badge muted">${statusLabel(i.status)}</span></li>`)}</ul></li>`)}</ul>`}
    ${editor ? html`<button type="button" id="agr-add-obligation">${t('agr.addObligation')}</button>` : ''}</section>`;
}

export function obligationDialog(partnership, detail, save) {
  formDialog({
    title: t('agr.addObligation'),
    fields: [
      { name: 'clauseNumber', label: t('agr.obl.clause'), type: 'select', value: detail.clauses[0]?.number,
        options: detail.clauses.map(c => ({ value: c.number, label: `§${c.number} ${c.title}` })) },
      { name: 'title', label: t('agr.obl.title'), required: true, maxlength: 300 },
      { name: 'partyId', label: t('agr.obl.party'), type: 'select', value: detail.myPartyId,
        options: partnership.parties.map(p => ({ value: p.id, label: p.name })) },
      { name: 'schedule', label: t('agr.obl.schedule'), type: 'select', value: 'quarterly',
        options: ['once', 'monthly', 'quarterly', 'yearly'].map(s => ({ value: s, label: t(`agr.obl.${s}`) })) },
      { name: 'start', label: t('agr.obl.start'), type: 'date', required: true },
      { name: 'offsetDays', label: t('agr.obl.offset'), type: 'number', value: 15 },
      { name: 'occurrences', label: t('agr.obl.occurrences'), type: 'number', value: 4 },
    ],
    onSubmit: values => save({ ...values, offsetDays: values.offsetDays ?? 0, occurrences: values.occurrences ?? 1 }),
  });
}

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

export function wireCompare(main, pid, agreementId) {
  const form = $('#agr-compare-form', main);
  form?.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const diff = await compare(pid, agreementId, form.elements.from.value, form.elements.to.value);
      showDiff($('#agr-diff', main), diff);
    } catch (err) { toast(err.message, 'error'); }
  });
}

function segments(list) {
  return list.map(s => s.kind === 'inserted' ? html`<ins><span class="sr-only">[${t('agr.inserted')}]
    </span>${s.text}</ins>`
    : s.kind === 'deleted' ? html`<del><span class="sr-only">[${t('agr.deleted')}] </span>${s.text}</del>` : s.text);
}

/** "signed" or "r12" as a person reads it. */
const sideName = label => label === 'signed' ? t('agr.signedText') : t('agr.revision', { revision: label.slice(1) });

function showDiff(target, diff) {
  const before = t('agr.diffSide', { side: t('agr.diffOld'), name: sideName(diff.fromLabel) });
  const after = t('agr.diffSide', { side: t('agr.diffNew'), name: sideName(diff.toLabel) });
  mount(target, html`<p class="muted">${t('agr.diffCount', { inserted: diff.inserted, deleted: diff.deleted })}</p>
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
      <tbody>${diff.old.map((line, i) => html`<tr class="${line.kind === 'equal' ? 'agr-same' : ''}">
        <td class="agr-line-${line.kind}" data-label="${before}">${segments(line.segments)}</td>
        <td class="agr-line-${diff.new[i]?.kind ?? 'blank'}" data-label="${after}">${segments(diff.new[i]?.segments ??
          [])}</td></tr>`)}</tbody></table></div>`);
  const show = inline => {
    $('#diff-tab-inline', target).setAttribute('aria-selected', String(inline));
    $('#diff-tab-sides', target).setAttribute('aria-selected', String(!inline));
    $('#diff-inline', target).hidden = !inline;
    $('#diff-sides', target).hidden = inline;
  };
  $('#diff-tab-inline', target).addEventListener('click', () => show(true));
  $('#diff-tab-sides', target).addEventListener('click', () => show(false));
  arrowTabs($('.tabs', target));
}
