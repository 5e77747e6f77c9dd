// Agreements: the list (agreements and their amendments, with status) and starting one from the template.
import { html, mount, $, keepFocus, toast } from '../../core/dom.js';
import { t, addMessages, lang, formatDate } from '../../core/i18n.js';
import { openPartnership, can } from '../../core/session.js';
import { formDialog } from '../../core/dialog.js';
import { watchPartnership, refreshOn } from '../../core/partnershipLive.js';
import { navigate } from '../../core/router.js';
import { updateNav } from '../../core/nav.js';
import { agreementMessages } from './i18n.js';
import { listAgreements, createAgreement } from './api.js';

addMessages(agreementMessages);

export function statusBadge(status) {
  return html`<span class="badge agr-status agr-${status}">${t(`agr.status.${status}`)}</span>`;
}

export async function renderAgreements({ pid }, main) {
  await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  let list = [];
  const draw = () => keepFocus(main, () => mount(main, html`
    <div class="page-head">
      <h1 id="page-title" tabindex="-1">${t('agr.title')}</h1>
      ${can('Editor') ? html`<button class="primary" id="new-agreement" type="button">${t('agr.new')}</button>` : ''}
    </div>
    ${list.length === 0 ? html`<p class="empty">${t('agr.none')}</p>`
    : html`<ul class="agr-list">${list.map(a => html`<li class="card agr-row ${a.amendsId ? 'agr-amendment' : ''}">
        <a class="title" href="/p/${pid}/agreements/${a.id}">${a.title}</a>
        ${statusBadge(a.status)}
        ${a.amendmentNumber ? html`<span class="badge muted">${t('agr.amendment', { n: a.amendmentNumber })}</span>`
          : ''}
        ${a.awaitingMyApproval ? html`<span class="badge agr-awaits">${t('agr.awaitsYou')}</span>` : ''}
        <span class="muted agr-row-meta">${t('agr.rowMeta', { language: t(`agr.lang.${a.language}`),
          date: formatDate(a.createdAt) })}</span></li>`)}</ul>`}`));
  const refresh = async () => {
    list = await listAgreements(pid);
    draw();
    $('#new-agreement', main)?.addEventListener('click', () => formDialog({
      title: t('agr.new'), submitLabel: t('agr.create'),
      fields: [
        { name: 'title', label: t('agr.name'), required: true, maxlength: 200 },
        { name: 'language', label: t('agr.language'), type: 'select', value: lang(),
          options: ['en', 'id'].map(l => ({ value: l, label: t(`agr.lang.${l}`) })) },
      ],
      onSubmit: async values => {
        const created = await createAgreement(pid, values.title ?? '', values.language);
        toast(t('agr.create'));
        navigate(`/p/${pid}/agreements/${created.id}`);
      },
    }));
  };
  return refreshOn(['agreement', '*resync'], refresh);
}
