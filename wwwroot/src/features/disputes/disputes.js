// The disputes of a partnership: open ones first with their step and deadline, and raising a new one.
// Live: any dispute change redraws the list.
import { html, mount, toast, keepFocus } from '../../core/dom.js';
import { t, formatDate } from '../../core/i18n.js';
import { get, post } from '../../core/api.js';
import { openPartnership, can, myMembership } from '../../core/session.js';
import { formDialog } from '../../core/dialog.js';
import { watchPartnership, refreshOn } from '../../core/partnershipLive.js';
import { navigate } from '../../core/router.js';
import { updateNav } from '../../core/nav.js';
import { clauseOptions } from '../../core/clause-link.js';
import { categories, severities, stepName, deadlineBadge, statusBadge, severityBadge, partyName } from './words.js';

export async function renderDisputes({ pid }, main) {
  const partnership = await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  let list = [];
  const draw = () => keepFocus(main, () => mount(main, html`
    <div class="page-head">
      <h1 id="page-title" tabindex="-1">${t('disputes.title')}</h1>
      ${can('Editor') ? html`<button class="primary" id="raise">${t('disputes.raise')}</button>` : ''}
    </div>
    <p class="muted">${t('disputes.intro')}</p>
    ${list.length === 0 ? html`<p class="empty">${t('disputes.none')}</p>`
    : html`<ul class="dispute-list">${list.map(d => row(pid, partnership, d))}</ul>`}`));
  const refresh = async () => {
    list = await get(`/api/partnerships/${pid}/disputes`);
    draw();
    main.querySelector('#raise')?.addEventListener('click', () => raiseDialog(pid, partnership));
  };
  return refreshOn(['dispute.updated', '*resync'], refresh);
}

function row(pid, partnership, d) {
  const parties = d.partyIds.map(id => partyName(partnership, id)).join(' · ');
  return html`<li class="card dispute-row" data-dispute="${d.id}">
    <a class="title" href="/p/${pid}/disputes/${d.id}"><span class="num">D${d.number}</span> ${d.title}</a>
    ${statusBadge(d)} ${severityBadge(d.severity)}
    <span class="badge muted">${t(`disputes.cat.${d.category}`)}</span>
    <span class="muted grow">${parties} · ${formatDate(d.createdAt)}</span>
    ${d.status === 'Open' ? html`<span class="step">${t('disputes.step', { name: stepName(d.stepName) })}</span>` : ''}
    ${deadlineBadge(d)}
  </li>`;
}

async function raiseDialog(pid, partnership) {
  const [documents, items, clauses] = await Promise.all([get(`/api/partnerships/${pid}/documents`),
    get(`/api/partnerships/${pid}/action-items`), clauseOptions(pid)]);
  const mine = myMembership()?.partyId;
  const others = partnership.parties.filter(p => p.id !== mine);
  formDialog({
    title: t('disputes.raise'),
    fields: [
      { name: 'title', label: t('disputes.field.title'), required: true, maxlength: 200 },
      { name: 'description', label: t('disputes.field.description'), type: 'textarea', maxlength: 4000 },
      { name: 'category', label: t('disputes.field.category'), type: 'select', value: 'Quality',
        options: categories.map(c => ({ value: c, label: t(`disputes.cat.${c}`) })) },
      { name: 'severity', label: t('disputes.field.severity'), type: 'select', value: 'Medium',
        options: severities.map(s => ({ value: s, label: t(`disputes.sev.${s}`) })) },
      { name: 'against', label: t('disputes.field.against'), type: 'select', value: '',
        options: [{ value: '', label: t('disputes.allOthers') },
          ...others.map(p => ({ value: p.id, label: p.name }))] },
      { name: 'clause', label: t('disputes.field.clause'), type: 'select', value: '',
        options: [{ value: '', label: t('disputes.noAgreement') }, ...clauses] },
      { name: 'evidence', label: t('disputes.field.evidence'), type: 'select', value: '',
        options: [{ value: '', label: t('disputes.noEvidence') },
          ...documents.map(doc => ({ value: `Document:${doc.id}`, label: doc.title })),
          ...items.map(i => ({ value: `ActionItem:${i.id}`, label: `A${i.number} ${i.title}` }))] },
    ],
    submitLabel: t('disputes.raise'),
    onSubmit: async v => {
      const [kind, id] = (v.evidence ?? '').split(':');
      const [agreementId, clause] = (v.clause ?? '').split('|');
      const created = await post(`/api/partnerships/${pid}/disputes`, {
        title: v.title ?? '', description: v.description, category: v.category, severity: v.severity,
        partyIds: v.against ? [v.against] : null,
        clause: agreementId ? { agreementId, clause } : null,
        evidence: kind ? [{ kind, id }] : [],
      });
      toast(t('disputes.raised'));
      navigate(`/p/${pid}/disputes/${created.id}`);
    },
  });
}
