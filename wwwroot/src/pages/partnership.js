// Partnership pages that belong to no other feature: the overview (dashboard), members, activity.
import { html, mount } from '../core/dom.js';
import { t, addMessages, formatDateTime } from '../core/i18n.js';
import { get } from '../core/api.js';
import { openPartnership } from '../core/session.js';
import { updateNav } from '../shell.js';

addMessages({
  en: { 'members.title': 'Members', 'members.party': 'Organisation', 'members.role': 'Role', 'activity.title': 'Activity', 'activity.none': 'Nothing has happened yet.' },
  id: { 'members.title': 'Anggota', 'members.party': 'Organisasi', 'members.role': 'Peran', 'activity.title': 'Aktivitas', 'activity.none': 'Belum ada aktivitas.' },
});

export async function renderMembers({ pid }, main) {
  const p = await openPartnership(pid, { force: true });
  updateNav(pid, 'members');
  mount(main, html`<h1>${t('members.title')}</h1>${partiesBlock(p)}`);
}

export async function renderActivity({ pid }, main) {
  await openPartnership(pid);
  updateNav(pid, 'activity');
  const entries = await get(`/api/partnerships/${pid}/activity`);
  mount(main, html`<h1>${t('activity.title')}</h1>
    ${entries.length === 0 ? html`<p class="empty">${t('activity.none')}</p>` : html`<ol class="activity">${entries.map(a => html`
      <li><time datetime="${a.at}">${formatDateTime(a.at)}</time> <strong>${a.actorName}</strong> ${a.summary}</li>`)}</ol>`}`);
}

function partiesBlock(p) {
  return html`<div class="parties">${p.parties.map(party => html`
    <section class="card party"><h2>${party.name}</h2>
      <ul class="members">${p.members.filter(m => m.partyId === party.id).map(m => html`
        <li><span class="avatar" aria-hidden="true">${initials(m.displayName)}</span> <span>${m.displayName}</span> <span class="badge">${m.role}</span></li>`)}</ul>
    </section>`)}</div>`;
}

export function initials(name) {
  return (name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map(w => [...w][0].toUpperCase()).join('');
}
