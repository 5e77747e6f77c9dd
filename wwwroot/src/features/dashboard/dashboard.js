// The partnership dashboard: goals with progress, KPI status tiles, my open items, overdue items, recent activity.
import { html, mount, $ } from '../../core/dom.js';
import { t, addMessages, formatDate, formatDateTime, formatNumber } from '../../core/i18n.js';
import { get } from '../../core/api.js';
import { openPartnership, session, myMembership } from '../../core/session.js';
import { roleLabel } from '../../core/labels.js';
import { statusLabel } from '../../core/labels.js';
import { watchPartnership, follow, liveIn } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';
import { activitySentence } from '../../core/activity.js';
import { partyName } from '../../core/people.js';
import { progressBar, goalBadge, kpiStatusLabel } from '../../core/goal-view.js';
import { dashboardTiles } from '../../core/tiles.js';

addMessages({
  en: {
    'dash.goals': 'Shared goals', 'dash.kpis': 'KPI status', 'dash.mine': 'My open items', 'dash.overdue': 'Overdue',
    'dash.activity': 'Recent activity', 'dash.noGoals': 'No goals yet.', 'dash.noKpis': 'No KPIs yet.',
    'dash.noMine': 'Nothing on your plate.',
    'dash.noOverdue': 'Nothing overdue.', 'dash.items': '{open} open · {done} done',
    'dash.allActivity': 'All activity',
    'dash.allItems': 'All action items',
    'dash.allGoals': 'Goals & KPIs', 'dash.mineCount': '{open} open · {done} done (yours)',
    'dash.next': 'Next steps', 'dash.next.invite': 'Invite your partner organisation',
    'dash.next.plan': 'Start the joint plan', 'dash.next.goal': 'Set a first shared goal', 'dash.next.done': 'Done',
    'dash.next.todo': 'To do',
    'dash.welcome': 'Welcome, {name}!',
    'dash.welcomeText': 'You have joined “{partnership}” for {party} as {role}. '
      + 'Every party works on the same plan, goals and action items here, and sees each change as it happens.',
    'dash.welcomeClose': 'Close',
  },
  id: {
    'dash.goals': 'Tujuan bersama', 'dash.kpis': 'Status KPI', 'dash.mine': 'Tugas saya yang belum selesai',
    'dash.overdue': 'Lewat tenggat',
    'dash.activity': 'Aktivitas terbaru', 'dash.noGoals': 'Belum ada tujuan.', 'dash.noKpis': 'Belum ada KPI.',
    'dash.noMine': 'Tidak ada tugas untuk Anda.',
    'dash.noOverdue': 'Tidak ada yang lewat tenggat.', 'dash.items': '{open} terbuka · {done} selesai',
    'dash.allActivity': 'Semua aktivitas', 'dash.allItems': 'Semua tugas',
    'dash.allGoals': 'Tujuan & KPI', 'dash.mineCount': '{open} terbuka · {done} selesai (milik Anda)',
    'dash.next': 'Langkah berikutnya', 'dash.next.invite': 'Undang organisasi mitra Anda',
    'dash.next.plan': 'Mulai rencana bersama', 'dash.next.goal': 'Tetapkan tujuan bersama pertama',
    'dash.next.done': 'Selesai', 'dash.next.todo': 'Belum',
    'dash.welcome': 'Selamat datang, {name}!',
    'dash.welcomeText': 'Anda telah bergabung di “{partnership}” mewakili {party} sebagai {role}. Semua pihak '
      + 'mengerjakan rencana, tujuan, dan tugas yang sama di sini, dan melihat setiap perubahan saat itu juga.',
    'dash.welcomeClose': 'Tutup',
  },
});

export async function renderDashboard({ pid }, main) {
  updateNav(pid);
  // The first page people see is drawn without waiting for the live join; read before it, it is read once more
  // after it, so a change made in between is not missed.
  const readBeforeJoin = !liveIn(pid);
  const joining = watchPartnership(pid);

  // Arriving from an accepted invitation (?welcome): a short welcome until closed or the person moves on.
  let welcome = new URLSearchParams(location.search).has('welcome');
  if (welcome) history.replaceState(null, '', location.pathname);

  // All of the page's data in parallel, each once. A redraw after a live change reads the partnership again too:
  // someone joining ticks "invite your partner".
  const draw = async (force = true) => {
    const [d, docs, part, tiles] = await Promise.all([get(`/api/partnerships/${pid}/dashboard`),
      get(`/api/partnerships/${pid}/documents`), openPartnership(pid, { force }), dashboardTiles(pid)]);
    mount(main, html`
      <div class="page-head"><h1>${part.name}</h1>
        <span class="muted">${part.parties.map(x => x.name).join(' · ')}</span></div>
      ${welcome ? welcomeCard(part) : ''}
      ${nextSteps(pid, part, d, docs)}
      ${cards(pid, d, tiles)}`);
  };

  main.addEventListener('click', e => {
    if (e.target.closest('#welcome-close')) { welcome = false; $('#welcome', main)?.remove(); }
  });

  let pending = null;
  // Bursts of changes (a drag, a batch of measurements) redraw once. Who is online (the shell shows it) changes
  // nothing drawn here, and it arrives as soon as the page joins: no second fetch for it.
  const soon = ({ kind }) => {
    if (kind === 'presence') return;
    clearTimeout(pending);
    pending = setTimeout(draw, 150);
  };
  const off = await follow({ '*': soon }, () => draw(false));
  let left = false;
  if (readBeforeJoin) joining.then(() => { if (!left) soon({ kind: 'joined' }); });
  return () => { left = true; off(); clearTimeout(pending); };
}

/** The goals, KPIs, the sections' tiles (meetings, disputes…), my items, overdue items and recent activity. */
function cards(pid, d, tiles) {
  const more = (path, key) => html`<a class="more" href="/p/${pid}${path}">${t(key)} →</a>`;
  const number = n => (n == null ? '—' : formatNumber(n));
  return html`
  <div class="dash">
    <section class="card span2"><h2>${t('dash.goals')} ${more('/goals', 'dash.allGoals')}</h2>
      ${d.goals.length === 0 ? html`<p class="empty">${t('dash.noGoals')}</p>` : html`<ul
        class="dash-goals">${d.goals.map(g => html`
        <li><div><strong title="${g.title}">${g.title}</strong> ${goalBadge(g)}<br><small class="muted">${
          partyName(g.ownerPartyId)}${g.targetDate ? ` · ${formatDate(g.targetDate)}` : ''}</small></div>
          <div class="progress-row">${progressBar(g.progress)}</div></li>`)}</ul>`}
    </section>
    <section class="card"><h2>${t('dash.kpis')}</h2>
      ${d.kpis.length === 0 ? html`<p class="empty">${t('dash.noKpis')}</p>` : html`<div
        class="tiles">${d.kpis.map(k => html`
        <a class="tile rag-${k.status}" href="/p/${pid}/goals"><span class="tile-name"
          title="${k.name}">${k.name}</span>
          <strong>${number(k.latest)}</strong><small>/ ${number(k.target)} ${k.unit}</small>
          <span class="rag rag-${k.status}">${kpiStatusLabel(k)}</span></a>`)}</div>`}
    </section>
    ${tiles}
    <section class="card"><h2>${t('dash.mine')} ${more('/actions', 'dash.allItems')}</h2>
      <p class="muted small" id="my-counts">${t('dash.mineCount', { open: d.myOpenItems.length, done: d.myDoneItems })}
      </p>
      ${d.myOpenItems.length === 0 ? html`<p class="empty">${t('dash.noMine')}</p>` : itemList(d.myOpenItems)}
    </section>
    <section class="card"><h2>${t('dash.overdue')}</h2>
      ${d.overdueItems.length === 0 ? html`<p
        class="empty">${t('dash.noOverdue')}</p>` : itemList(d.overdueItems, true)}
    </section>
    <section class="card"><h2>${t('dash.activity')} ${more('/activity', 'dash.allActivity')}</h2>
      <ol class="activity compact">${d.recentActivity.map(a => html`<li><time
        datetime="${a.at}">${formatDateTime(a.at)}</time>
        <strong>${a.actorName}</strong> ${activitySentence(a)}</li>`)}</ol>
    </section>
  </div>`;
}

function welcomeCard(part) {
  const me = myMembership();
  const party = part.parties.find(x => x.id === me?.partyId)?.name ?? '';
  return html`<section class="card welcome" id="welcome" role="status">
    <h2>${t('dash.welcome', { name: session.me?.displayName ?? '' })}</h2>
    <p>${t('dash.welcomeText', { partnership: part.name, party, role: roleLabel(me?.role ?? 'Viewer') })}</p>
    <button type="button" id="welcome-close">${t('dash.welcomeClose')}</button></section>`;
}

// A new partnership's first steps, each ticked off once done; the card goes once all are.
function nextSteps(pid, part, d, docs) {
  const steps = [
    { key: 'invite', done: new Set(part.members.map(m => m.partyId)).size > 1, href: `/p/${pid}/members` },
    { key: 'plan', done: docs.length > 0, href: `/p/${pid}/docs` },
    { key: 'goal', done: d.goals.length > 0, href: `/p/${pid}/goals` },
  ];
  if (steps.every(s => s.done)) return '';
  return html`<section class="card next-steps" id="next-steps"><h2>${t('dash.next')}</h2><ol>${steps.map(s => html`
    <li class="${s.done ? 'done' : ''}" data-step="${s.key}">
      <span class="tick" aria-hidden="true">${s.done ? '✓' : ''}</span>
      <a href="${s.href}">${t(`dash.next.${s.key}`)}</a>
      <span class="sr-only">(${t(s.done ? 'dash.next.done' : 'dash.next.todo')})</span></li>`)}</ol></section>`;
}

function itemList(items, late = false) {
  return html`<ul class="mini-items">${items.map(i => html`<li>
    <span class="clamp" title="${i.title}"><span class="num">A${i.number}</span> ${i.title}</span>
    <small class="${late ? 'late' : 'muted'}">${i.dueDate ? formatDate(i.dueDate)
      : ''} · ${statusLabel(i.status)}${i.ownerName ? ` · ${i.ownerName}` : ''}</small></li>`)}</ul>`;
}
