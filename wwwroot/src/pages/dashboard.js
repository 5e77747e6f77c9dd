// The partnership dashboard: goals with progress, KPI status tiles, my open items, overdue items, recent activity.
import { html, mount } from '../core/dom.js';
import { t, addMessages, formatDate, formatDateTime, formatNumber } from '../core/i18n.js';
import { get } from '../core/api.js';
import { openPartnership } from '../core/session.js';
import { goalLabel, ragLabel, statusLabel } from '../core/labels.js';
import { watchPartnership, on } from '../core/partnershipLive.js';
import { updateNav } from '../shell.js';
import { activitySentence } from '../core/activity.js';
import { partyName, progressBar } from './goals.js';

addMessages({
  en: {
    'dash.goals': 'Shared goals', 'dash.kpis': 'KPI status', 'dash.mine': 'My open items', 'dash.overdue': 'Overdue',
    'dash.activity': 'Recent activity', 'dash.noGoals': 'No goals yet.', 'dash.noKpis': 'No KPIs yet.', 'dash.noMine': 'Nothing on your plate.',
    'dash.noOverdue': 'Nothing overdue.', 'dash.items': '{open} open · {done} done', 'dash.allActivity': 'All activity', 'dash.allItems': 'All action items',
    'dash.allGoals': 'Goals & KPIs',
  },
  id: {
    'dash.goals': 'Tujuan bersama', 'dash.kpis': 'Status KPI', 'dash.mine': 'Butir terbuka saya', 'dash.overdue': 'Lewat tenggat',
    'dash.activity': 'Aktivitas terbaru', 'dash.noGoals': 'Belum ada tujuan.', 'dash.noKpis': 'Belum ada KPI.', 'dash.noMine': 'Tidak ada tugas untuk Anda.',
    'dash.noOverdue': 'Tidak ada yang lewat tenggat.', 'dash.items': '{open} terbuka · {done} selesai', 'dash.allActivity': 'Semua aktivitas', 'dash.allItems': 'Semua butir tindakan',
    'dash.allGoals': 'Tujuan & KPI',
  },
});

export async function renderDashboard({ pid }, main) {
  const p = await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);

  const draw = async () => {
    const d = await get(`/api/partnerships/${pid}/dashboard`);
    mount(main, html`
      <div class="page-head"><h1>${p.name}</h1><span class="muted">${p.parties.map(x => x.name).join(' · ')}</span></div>
      <div class="dash">
        <section class="card span2"><h2>${t('dash.goals')} <a class="more" href="/p/${pid}/goals">${t('dash.allGoals')} →</a></h2>
          ${d.goals.length === 0 ? html`<p class="empty">${t('dash.noGoals')}</p>` : html`<ul class="dash-goals">${d.goals.map(g => html`
            <li><div><strong>${g.title}</strong> <span class="status g-${g.status}">${goalLabel(g.status)}</span><br><small class="muted">${partyName(g.ownerPartyId)}${g.targetDate ? ` · ${formatDate(g.targetDate)}` : ''}</small></div>
              <div class="progress-row">${progressBar(g.progress)}</div></li>`)}</ul>`}
        </section>
        <section class="card"><h2>${t('dash.kpis')}</h2>
          ${d.kpis.length === 0 ? html`<p class="empty">${t('dash.noKpis')}</p>` : html`<div class="tiles">${d.kpis.map(k => html`
            <a class="tile rag-${k.status}" href="/p/${pid}/goals"><span class="tile-name">${k.name}</span>
              <strong>${k.latest == null ? '—' : formatNumber(k.latest)}</strong><small>/ ${k.target == null ? '—' : formatNumber(k.target)} ${k.unit}</small>
              <span class="rag rag-${k.status}">${ragLabel(k.status)}</span></a>`)}</div>`}
        </section>
        <section class="card"><h2>${t('dash.mine')} <a class="more" href="/p/${pid}/actions">${t('dash.allItems')} →</a></h2>
          <p class="muted small">${t('dash.items', { open: d.openItems, done: d.doneItems })}</p>
          ${d.myOpenItems.length === 0 ? html`<p class="empty">${t('dash.noMine')}</p>` : itemList(d.myOpenItems)}
        </section>
        <section class="card"><h2>${t('dash.overdue')}</h2>
          ${d.overdueItems.length === 0 ? html`<p class="empty">${t('dash.noOverdue')}</p>` : itemList(d.overdueItems, true)}
        </section>
        <section class="card"><h2>${t('dash.activity')} <a class="more" href="/p/${pid}/activity">${t('dash.allActivity')} →</a></h2>
          <ol class="activity compact">${d.recentActivity.map(a => html`<li><time datetime="${a.at}">${formatDateTime(a.at)}</time> <strong>${a.actorName}</strong> ${activitySentence(a)}</li>`)}</ol>
        </section>
      </div>`);
  };

  function itemList(items, late = false) {
    return html`<ul class="mini-items">${items.map(i => html`<li><span class="num">A${i.number}</span> ${i.title}
      <small class="${late ? 'late' : 'muted'}">${i.dueDate ? formatDate(i.dueDate) : ''} · ${statusLabel(i.status)}${i.ownerName ? ` · ${i.ownerName}` : ''}</small></li>`)}</ul>`;
  }

  await draw();
  let pending = null;
  // Bursts of changes (a drag, a batch of measurements) redraw once.
  const soon = () => { clearTimeout(pending); pending = setTimeout(draw, 150); };
  const off = on('*', soon);
  return () => { off(); clearTimeout(pending); };
}
