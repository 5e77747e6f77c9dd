// The decision log of a partnership: search (text) and filters (meeting, party, status, linked goal or KPI, date
// range) kept in the address so a filtered log can be shared; each decision with its revisions, what it supersedes
// or is superseded by, and a permalink (/p/:pid/decisions/:id). Live: a recorded or revised decision redraws it.
import { html, mount, $, keepFocus } from '../../core/dom.js';
import { t, addMessages, formatDate, formatDateTime } from '../../core/i18n.js';
import { get } from '../../core/api.js';
import { openPartnership } from '../../core/session.js';
import { watchPartnership, follow } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';
import { meetingMessages } from './meetings-i18n.js';
import { planMessages } from './plan-i18n.js';
import { clauseChip } from '../../core/clause-link.js';

addMessages(meetingMessages);
addMessages(planMessages);

const filterNames = ['q', 'meetingId', 'partyId', 'status', 'goalId', 'kpiId', 'from', 'to'];

/** Names the log needs: meetings (of the decisions), parties, goals and KPIs. */
async function context(pid) {
  const [partnership, all, board] = await Promise.all([openPartnership(pid), get(`/api/partnerships/${pid}/decisions`),
    get(`/api/partnerships/${pid}/goals`)]);
  const ids = [...new Set(all.map(d => d.meetingId))];
  const meetings = await Promise.all(ids.map(id => get(`/api/partnerships/${pid}/meetings/${id}`)));
  return { pid, partnership, board, meetings, all };
}

export async function renderDecisionLog({ pid }, main) {
  updateNav(pid);
  await watchPartnership(pid);
  const page = { main, ...(await context(pid)), filters: new URLSearchParams(location.search), found: [], asked: 0 };
  // Answers can arrive out of order (a search typed, then a status picked): only the latest question's is drawn.
  const search = async () => {
    const query = new URLSearchParams([...page.filters].filter(([k, v]) => filterNames.includes(k) && v));
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
    const asked = ++page.asked;
    let found = page.found;
    let error = null;
    try {
      found = await get(`/api/partnerships/${pid}/decision-log?${query}`);
    } catch (err) { error = err.message; }
    if (asked !== page.asked) return;
    Object.assign(page, { found, error });
    drawResults(page);
  };
  mount(main, html`<div class="page-head"><h1 id="page-title" tabindex="-1">${t('plan.log')}</h1></div>
    <form class="card log-filters" role="search">${filterForm(page)}</form>
    <p class="muted" id="log-count" role="status"></p><div id="log-results"></div>`);
  wireFilters(page, search);
  const again = async () => {
    Object.assign(page, await context(pid));
    await search();
  };
  return follow({ 'decision.updated': again, '*resync': again }, search);
}

export async function renderDecision({ pid, decisionId }, main) {
  updateNav(pid);
  await watchPartnership(pid);
  const draw = async () => {
    const page = await context(pid);
    const decision = await get(`/api/partnerships/${pid}/decisions/${decisionId}`);
    keepFocus(main, () => mount(main, html`<p><a href="/p/${pid}/decisions">← ${t('plan.back')}</a></p>
      <h1 id="page-title" tabindex="-1">${decision.text}</h1>
      ${decisionCard(page, decision, true)}`));
  };
  return follow({
    'decision.updated': d => { if (d.id === decisionId || d.supersedesId === decisionId) draw(); },
  }, draw);
}

function filterForm({ filters, partnership, meetings, board }) {
  const value = name => filters.get(name) ?? '';
  const select = (name, label, options) => html`<label>${label}<select name="${name}">
    <option value="">${t('plan.any')}</option>
    ${options.map(o => html`<option value="${o.value}"
      ${o.value === value(name) ? 'selected' : ''}>${o.label}</option>`)}
    </select></label>`;
  return html`<label class="wide">${t('plan.search')}<input type="search" name="q" value="${value('q')}"
      maxlength="200"></label>
    ${select('meetingId', t('plan.filter.meeting'), meetings.map(m => ({ value: m.id, label: m.title })))}
    ${select('partyId', t('plan.filter.party'), partnership.parties.map(p => ({ value: p.id, label: p.name })))}
    ${select('status', t('plan.filter.status'), ['Current', 'Superseded']
      .map(s => ({ value: s, label: t(`plan.status.${s}`) })))}
    ${select('goalId', t('plan.filter.goal'), board.goals.map(g => ({ value: g.id, label: g.title })))}
    ${select('kpiId', t('plan.filter.kpi'), board.kpis.map(k => ({ value: k.id, label: k.name })))}
    <label>${t('plan.filter.from')}<input type="date" name="from" value="${value('from')}"></label>
    <label>${t('plan.filter.to')}<input type="date" name="to" value="${value('to')}"></label>
    <button type="reset" id="log-reset">${t('plan.reset')}</button>`;
}

function wireFilters(page, search) {
  const form = $('.log-filters', page.main);
  let typing = null;
  const read = () => {
    page.filters = new URLSearchParams();
    for (const name of filterNames) if (form.elements[name].value) page.filters.set(name, form.elements[name].value);
  };
  form.addEventListener('submit', e => { e.preventDefault(); read(); search(); });
  // The search box asks as it is typed in (below); its change event, on leaving the box, would ask again and redraw
  // the list under a tap on one of its results, which then landed on nothing (seen on a loaded machine).
  form.addEventListener('change', e => { if (e.target.name !== 'q') { read(); search(); } });
  form.addEventListener('input', e => {
    if (e.target.name !== 'q') return;
    clearTimeout(typing);
    typing = setTimeout(() => { read(); search(); }, 250);
  });
  form.addEventListener('reset', () => setTimeout(() => { read(); search(); }));
}

function drawResults(page) {
  $('#log-count', page.main).textContent = page.error ?? t('plan.found', { n: page.found.length });
  mount($('#log-results', page.main), page.found.length === 0
    ? html`<p class="empty">${t('plan.noDecisions')}</p>`
    : html`<ol class="decision-log">${page.found.map(d => html`<li>${decisionCard(page, d, false)}</li>`)}</ol>`);
}

function decisionCard({ pid, partnership, meetings, board, all }, d, open) {
  const meeting = meetings.find(m => m.id === d.meetingId);
  const parties = d.partyIds.map(id => partnership.parties.find(p => p.id === id)?.name).filter(Boolean);
  const textOf = id => all.find(x => x.id === id)?.text ?? id;
  const linkName = l => (l.kind === 'Goal' ? board.goals.find(g => g.id === l.id)?.title
    : l.kind === 'Kpi' ? board.kpis.find(k => k.id === l.id)?.name : null) ?? t(`plan.linkKind.${l.kind}`);
  const when = d.occurrence ?? meeting?.start;
  return html`<article class="card decision-card ${d.supersededById ? 'superseded' : ''}" data-decision="${d.id}">
    <h2 class="text"><a href="/p/${pid}/decisions/${d.id}" aria-label="${t('plan.permalink')}: ${d.text}">${d.text}</a>
      <span class="badge ${d.supersededById ? 'muted' : ''}">${t(`plan.status.${d.supersededById ? 'Superseded'
        : 'Current'}`)}</span>
      ${d.revision > 1 ? html`<span class="badge muted">${t('meetings.revision', { n: d.revision })}</span>` : ''}</h2>
    ${d.why ? html`<p>${t('meetings.why')}: ${d.why}</p>` : ''}
    <p class="muted small">${t('plan.inMeeting', { meeting: meeting?.title ?? '', date: when
      ? formatDate(when.slice(0, 10)) : '' })}${parties.length ? ` · ${t('plan.agreedBy', { parties: parties
      .join(', ') })}` : ''}</p>
    ${d.clause ? html`<div class="decision-clause">${clauseChip(pid, d.clause)}</div>` : ''}
    ${d.links.length ? html`<p class="small">${t('plan.links')}: ${d.links.map(linkName).join(', ')}</p>` : ''}
    ${d.supersedesId ? html`<p class="small">${t('plan.supersedes')}:
      <a href="/p/${pid}/decisions/${d.supersedesId}">${textOf(d.supersedesId)}</a></p>` : ''}
    ${d.supersededById ? html`<p class="small">${t('plan.supersededBy')}:
      <a href="/p/${pid}/decisions/${d.supersededById}">${textOf(d.supersededById)}</a></p>` : ''}
    <details ${open ? 'open' : ''}><summary>${t('plan.revisions')} (${d.revisions.length})</summary><ol>
      ${d.revisions.map(r => html`<li><strong>${r.text}</strong><br><small class="muted">${t('plan.revisionBy',
        { n: r.revision, name: r.changedByName, date: formatDateTime(r.at) })}${r.reason ? ` — ${r.reason}` : ''}
        </small></li>`)}</ol></details>
  </article>`;
}


