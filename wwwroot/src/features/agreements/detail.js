// One agreement: its sign-off (status, each party's approval, why a round was reset), its text with the clauses and
// the signature page, amendments, obligations and comparisons. Live: any sign-off change redraws it for every party.
import { html, mount, $, keepFocus, toast, announce, raw } from '../../core/dom.js';
import { t, addMessages, lang, formatDateTime } from '../../core/i18n.js';
import { openPartnership, can, session } from '../../core/session.js';
import { watchPartnership, follow } from '../../core/partnershipLive.js';
import { navigate } from '../../core/router.js';
import { updateNav } from '../../core/nav.js';
import { agreementMessages } from './i18n.js';
import * as api from './api.js';
import { statusBadge } from './list.js';
import { signatoriesLine, signatoriesDialog } from './signatories.js';
import { clausesCard, signaturePage, amendmentsCard, obligationsCard, obligationDialog } from './parts.js';
import { compareCard, wireCompare } from './compare.js';

addMessages(agreementMessages);

export async function renderAgreement({ pid, agreementId }, main) {
  const partnership = await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  let detail, read, obligations;
  const shownDiff = {};
  const load = async () => {
    [detail, read, obligations] = await Promise.all([api.getAgreement(pid, agreementId),
      api.readAgreement(pid, agreementId), api.listObligations(pid, agreementId)]);
  };
  const draw = () => keepFocus(main, () => {
    mount(main, page(pid, partnership, detail, read, obligations));
    markAmendedClauses($('#agr-text', main), detail.clauses);
  });
  const refresh = async () => { await load(); draw(); wire(); };
  const act = fn => async () => {
    try { await fn(); } catch (err) {
      toast(err.message, 'error');
      if (err.problem?.code === 'agreementRevisionChanged') await refresh();
      return;
    }
    await refresh();
  };
  function wire() {
    const s = detail.signOff;
    $('#agr-review', main)?.addEventListener('click', act(() => api.sendForReview(pid, agreementId)));
    $('#agr-draft', main)?.addEventListener('click', act(() => api.backToDraft(pid, agreementId)));
    $('#agr-approve', main)?.addEventListener('click', act(() => api.approve(pid, agreementId, s.revision, s.hash)));
    $('#agr-terminate', main)?.addEventListener('click', act(async () => {
      if (confirm(t('agr.terminateConfirm'))) await api.terminate(pid, agreementId);
    }));
    $('#agr-amend', main)?.addEventListener('click', async () => {
      try {
        const created = await api.amend(pid, detail.amendsId ?? agreementId);
        navigate(`/p/${pid}/agreements/${created.id}`);
      } catch (err) { toast(err.message, 'error'); }
    });
    $('#agr-add-obligation', main)?.addEventListener('click', () =>
      obligationDialog(partnership, detail, body => api.addObligation(pid, agreementId, body).then(refresh)));
    main.querySelectorAll('[data-sig-party]').forEach(b => b.addEventListener('click', () => {
      const party = detail.parties.find(p => p.partyId === b.dataset.sigParty);
      signatoriesDialog(partnership, party, async ids => {
        await api.setSignatories(pid, party.partyId, ids);
        toast(t('agr.sig.saved', { party: party.name }));
        await refresh();
      });
    }));
    wireCompare(main, pid, agreementId, shownDiff);
  }
  return follow({
    agreement: payload => {
      if (payload?.documentId !== detail.documentId) return;
      announce(t('agr.live', { status: t(`agr.status.${payload.status}`) }));
      refresh();
    },
    '*resync': refresh,
    // Another party named its signatories: the approvals panel shows them without a reload.
    signatories: refresh,
  }, refresh);
}

function page(pid, partnership, detail, read, obligations) {
  const s = detail.signOff;
  return html`<div class="agr-page">
    <div class="page-head">
      <a href="/p/${pid}/agreements" class="back">← ${t('agr.back')}</a>
      <h1 id="page-title" tabindex="-1">${detail.title}</h1>
      ${statusBadge(s.status)}
      ${detail.amendmentNumber ? html`<span class="badge muted">${t('agr.amendment', { n: detail.amendmentNumber
        })}</span>` : ''}
    </div>
    ${signOffCard(pid, detail)}
    <div class="agr-layout">
      <section class="card agr-text" aria-labelledby="agr-text-title">
        <h2 id="agr-text-title">${t('agr.text')}</h2>
        ${read.latestAmendment && !detail.amendsId ? html`<p class="agr-as-amended" id="agr-as-amended">${t(
          'agr.asAmended', { n: read.latestAmendment })}</p>` : ''}
        <div class="markdown" id="agr-text">${raw(read.html)}</div>
        ${signaturePage(read.signaturePage)}
        <p class="agr-exports">
          <a class="button" href="${api.exportUrl(pid, detail.id, 'html', lang())}" download>${t('agr.exportHtml')}</a>
          <a class="button" href="${api.exportUrl(pid, detail.id, 'pdf', lang())}"
            download>${t('agr.exportPdf')}</a></p>
      </section>
      <div class="agr-side">
        ${clausesCard(detail.clauses)}
        ${amendmentsCard(pid, detail)}
        ${obligationsCard(pid, partnership, obligations, can('Editor'))}
      </div>
    </div>
    ${compareCard(detail)}</div>`;
}

function signOffCard(pid, detail) {
  const s = detail.signOff;
  const note = { draft: 'agr.draftNote', review: 'agr.reviewNote', signed: 'agr.signedNote', terminated:
    'agr.signedNote' };
  const mine = detail.parties.find(p => p.partyId === detail.myPartyId);
  const iSign = mine?.signatories.some(x => x.userId === session.me?.id) ?? false;
  const open = s.status === 'draft' || s.status === 'review';
  return html`<section class="card agr-signoff" id="signoff" aria-labelledby="signoff-title">
    <h2 id="signoff-title">${t('agr.approvals', { round: s.round })}</h2>
    <p class="agr-note">${t(note[s.status])}</p>
    ${resetNotice(s)}
    <p class="muted agr-rev">${t('agr.revision', { revision: s.revision })} ·
      <span class="agr-hash" title="${s.hash}">${t('agr.hash', { hash: s.hash.slice(0, 16) + '…' })}</span></p>
    <ul class="agr-parties">${detail.parties.map(p => html`<li class="agr-party" data-party="${p.partyId}">
      <strong>${p.name}</strong>
      ${signatoriesLine(p)}
      ${p.approval ? html`<span class="agr-approved">✓ ${t('agr.approvedBy', { name: p.approval.name,
        when: formatDateTime(p.approval.at), revision: p.approval.revision })}</span>`
        : html`<span class="agr-waiting">${t('agr.waiting')}</span>`}</li>`)}</ul>
    <div class="agr-actions">
      ${open && can('Editor') ? html`<a class="button" id="agr-edit"
        href="/p/${pid}/docs/${detail.documentId}">${t('agr.editText')}</a>` : ''}
      ${s.status === 'draft' && can('Editor') ? html`<button type="button" class="primary"
        id="agr-review">${t('agr.sendForReview')}</button>` : ''}
      ${detail.canApprove && !s.approvals.some(a => a.partyId === detail.myPartyId)
        ? html`<button type="button" class="primary" id="agr-approve">${t('agr.approve', { revision: s.revision
          })}</button>` : ''}
      ${s.status === 'review' && can('Editor') ? html`<button type="button"
        id="agr-draft">${t('agr.backToDraft')}</button>` : ''}
      ${s.status === 'signed' && can('Editor') ? html`<button type="button"
        id="agr-amend">${t('agr.amend')}</button>` : ''}
      ${s.status === 'signed' && iSign && !detail.amendsId ? html`<button type="button" class="danger"
        id="agr-terminate">${t('agr.terminate')}</button>` : ''}
    </div></section>`;
}

function resetNotice(s) {
  const r = s.lastReset;
  if (!r || (s.status !== 'review' && s.status !== 'draft') || s.approvals.length > 0) return '';
  const voided = r.voided.map(v => v.name).join(', ');
  const key = r.reason === 'withdrawn' ? 'agr.withdrawn' : 'agr.reset';
  return html`<p class="agr-reset" id="agr-reset" role="status">${t(key, { name: r.byName || '—', when:
    formatDateTime(r.at),
    revision: r.revision, voided })}</p>`;
}

/** Each clause heading in the text names the amendment that last changed it, as the clause list does. */
function markAmendedClauses(text, clauses) {
  const amended = new Map(clauses.filter(c => c.amendedBy).map(c => [c.number, c.amendedBy]));
  if (!text || amended.size === 0) return;
  for (const heading of text.querySelectorAll('h2, h3, h4')) {
    const number = /^\s*(\d+(?:\.\d+)*)\.?\s/.exec(heading.textContent)?.[1];
    if (!amended.has(number)) continue;
    const badge = document.createElement('span');
    badge.className = 'badge agr-amended';
    badge.textContent = t('agr.amendedBy', { n: amended.get(number) });
    heading.append(' ', badge);
  }
}
