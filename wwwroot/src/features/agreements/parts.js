// Parts of the agreement page that only draw: clauses, signature page, amendments, obligations.
import { html } from '../../core/dom.js';
import { t, formatDate, formatDateTime } from '../../core/i18n.js';
import { formDialog } from '../../core/dialog.js';
import { statusLabel } from '../../core/labels.js';
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
    ${others.length === 0
      ? html`<p class="muted">${t(detail.amendsId ? 'agr.noOtherAmendments' : 'agr.noAmendments')}</p>`
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
        ${t('agr.obl.item', { due: i.dueDate ? formatDate(i.dueDate) : '—', owner: i.ownerName ?? '—',
          status: statusLabel(i.status) })}</li>`)}</ul></li>`)}</ul>`}
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
