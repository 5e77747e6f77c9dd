// One dispute drawn from its data (no fetching here): steps with deadlines, proposals with each party's answer,
// the threaded discussion, my party's confidential notes and the timeline.
import { html } from '../../core/dom.js';
import { t, formatDate, formatDateTime } from '../../core/i18n.js';
import { stepName, partyName, deadlineBadge, statusBadge, severityBadge } from './words.js';

export function disputeView(page) {
  const { d, pid, partnership } = page;
  return html`
    <p><a href="/p/${pid}/disputes">← ${t('disputes.back')}</a></p>
    <div class="page-head">
      <h1 id="page-title" tabindex="-1"><span class="num">D${d.number}</span> ${d.title}</h1>
      ${statusBadge(d)} ${severityBadge(d.severity)}
      <span class="badge muted">${t(`disputes.cat.${d.category}`)}</span> ${deadlineBadge(d)}
    </div>
    <p class="muted">${t('disputes.raisedBy',
      { name: d.raisedByName, party: partyName(partnership, d.raisedByPartyId) })}
      · ${formatDate(d.createdAt)} · ${d.partyIds.map(id => partyName(partnership, id)).join(' ↔ ')}</p>
    ${d.description ? html`<p class="dispute-description">${d.description}</p>` : ''}
    ${references(page)}
    <div class="dispute-grid">
      ${stepsCard(page)}
      ${proposalsCard(page)}
      ${discussionCard(page)}
      ${notesCard(page)}
      ${timelineCard(page)}
    </div>`;
}

function references({ d, pid, documents, items }) {
  const clause = d.clause ? html`<p><strong>${t('disputes.clause')}:</strong>
    <a href="/p/${pid}/agreements/${d.clause.agreementId}" id="clause-link">${d.clause.title || d.clause.clause}</a>
    </p>` : '';
  const evidence = d.evidence.map(e => {
    if (e.kind === 'Document') {
      const doc = documents.find(x => x.id === e.id);
      return html`<li><a href="/p/${pid}/docs/${e.id}">${doc?.title ?? e.kind}</a></li>`;
    }
    const item = e.kind === 'ActionItem' ? items.find(x => x.id === e.id) : null;
    return html`<li>${item ? `A${item.number} ${item.title}` : e.kind}</li>`;
  });
  return html`${clause}${evidence.length ? html`<p><strong>${t('disputes.evidence')}:</strong></p>
    <ul class="evidence">${evidence}</ul>` : ''}`;
}

function stepsCard({ d, acts }) {
  return html`<section class="card" aria-labelledby="steps-title"><h2 id="steps-title">${t('disputes.steps')}</h2>
    <ol class="dispute-steps">${d.steps.map(s => html`<li class="step-${s.state.toLowerCase()}"
      ${s.state === 'Current' ? html`aria-current="step"` : ''}>
      <strong>${stepName(s.name)}</strong> <span class="muted">${t('disputes.days', { n: s.days })}
      · ${t(`disputes.state.${s.state}`)}</span>
      ${s.state === 'Current' ? deadlineBadge(d) : s.deadline ? html`<span class="muted">
        · ${formatDate(s.deadline)}</span>` : ''}</li>`)}</ol>
    ${acts && d.status === 'Open' && d.currentStep < d.steps.length - 1
      ? html`<button id="next-step">${t('disputes.next')}</button>` : ''}
  </section>`;
}

function proposalsCard(page) {
  const { d, acts } = page;
  return html`<section class="card" aria-labelledby="proposals-title">
    <h2 id="proposals-title">${t('disputes.proposals')}</h2>
    ${d.proposals.length === 0 ? html`<p class="empty">${t('disputes.noProposals')}</p>`
      : html`<ol class="proposals">${d.proposals.map(p => proposalRow(page, p))}</ol>`}
    ${acts && d.status === 'Open' ? html`<button id="propose">${t('disputes.propose')}</button>` : ''}
  </section>`;
}

function proposalRow({ d, partnership, myParty, acts }, p) {
  const answers = d.partyIds.map(party => {
    const a = p.answers.find(x => x.partyId === party);
    const name = partyName(partnership, party);
    if (!a) return html`<li class="waiting">${t('disputes.answer.waiting', { party: name })}</li>`;
    return html`<li class="${a.accepted ? 'accepted' : 'rejected'}">
      <span aria-hidden="true">${a.accepted ? '✓' : '✗'}
      </span>${t(a.accepted ? 'disputes.answer.accepted' : 'disputes.answer.rejected', { party: name, name: a.byName })}
      </li>`;
  });
  const answered = p.answers.some(a => a.partyId === myParty);
  const open = p.status === 'Open' && d.status === 'Open' && acts;
  const plan = [...p.plan.actionItems.map(i => html`<li>${t('disputes.createsItem', { title: i.title })}</li>`),
    p.plan.decision ? html`<li>${t('disputes.recordsDecision', { text: p.plan.decision.text })}</li>` : ''];
  return html`<li class="proposal status-${p.status.toLowerCase()}" data-proposal="${p.id}">
    <div class="muted">${t('disputes.proposalBy',
      { n: p.number, name: p.byName, party: partyName(partnership, p.partyId) })}
      · <strong>${t(`disputes.pstatus.${p.status}`)}</strong></div>
    <p class="proposal-text">${p.text}</p>
    ${plan.length ? html`<ul class="plan">${plan}</ul>` : ''}
    <ul class="answers">${answers}</ul>
    ${open && !answered ? html`<button class="primary" data-accept="${p.id}">${t('disputes.accept')}</button>
      <button data-reject="${p.id}">${t('disputes.reject')}</button>` : ''}
    ${open && p.partyId === myParty ? html`<button data-withdraw="${p.id}">${t('disputes.withdraw')}</button>` : ''}
  </li>`;
}

function discussionCard({ d, partnership, talks, replyTo }) {
  const replies = id => d.messages.filter(m => m.replyToId === id);
  const thread = m => html`<li data-message="${m.id}"><div><strong>${m.authorName}</strong>
    <span class="muted">(${partyName(partnership, m.partyId)}) · ${formatDateTime(m.at)}</span></div>
    <p>${m.text}</p>
    ${talks ? html`<button class="link" data-reply="${m.id}">${t('disputes.reply')}</button>` : ''}
    ${replies(m.id).length ? html`<ol class="thread">${replies(m.id).map(thread)}</ol>` : ''}</li>`;
  const to = replyTo ? d.messages.find(m => m.id === replyTo) : null;
  return html`<section class="card" aria-labelledby="discussion-title">
    <h2 id="discussion-title">${t('disputes.discussion')}</h2>
    ${d.messages.length === 0 ? html`<p class="empty">${t('disputes.noMessages')}</p>`
      : html`<ol class="thread">${d.messages.filter(m => !m.replyToId).map(thread)}</ol>`}
    ${talks ? html`<form id="message-form" class="stack">
      ${to ? html`<p class="muted">${t('disputes.replyTo', { name: to.authorName })}
        <button type="button" class="link" id="cancel-reply">${t('disputes.cancelReply')}</button></p>` : ''}
      <label>${t('disputes.message')}<textarea name="text" rows="2" maxlength="4000" required></textarea></label>
      <button type="submit">${t('disputes.send')}</button></form>` : ''}
  </section>`;
}

function notesCard({ notes, partnership, myParty, canNote }) {
  return html`<section class="card notes-card" aria-labelledby="notes-title">
    <h2 id="notes-title">${t('disputes.notes')}</h2>
    <p class="muted small">${t('disputes.notesWho', { party: partyName(partnership, myParty) })}</p>
    ${notes.length === 0 ? html`<p class="empty">${t('disputes.noNotes')}</p>` : html`<ul class="notes">
      ${notes.map(n => html`<li data-note="${n.id}"><strong>${n.authorName}</strong>
        <span class="muted">${formatDateTime(n.at)}</span><p>${n.text}</p></li>`)}</ul>`}
    ${canNote ? html`<form id="note-form" class="stack">
      <label>${t('disputes.note')}<textarea name="text" rows="2" maxlength="4000" required></textarea></label>
      <button type="submit">${t('disputes.addNote')}</button></form>` : ''}
  </section>`;
}

function timelineCard({ d, partnership }) {
  const words = e => {
    const args = { ...e.args, party: partyName(partnership, e.partyId) };
    for (const k of ['step', 'from', 'to']) if (args[k]) args[k] = stepName(args[k]);
    return t(`disputes.tl.${e.kind}`, args);
  };
  return html`<section class="card span2" aria-labelledby="timeline-title">
    <h2 id="timeline-title">${t('disputes.timeline')}</h2>
    <ol class="activity timeline">${d.timeline.map(e => html`<li><time datetime="${e.at}">${formatDateTime(e.at)}</time>
      <strong>${e.actorName}</strong> ${words(e)}${e.args.note ? html` — <em>${e.args.note}</em>` : ''}</li>`)}</ol>
  </section>`;
}
