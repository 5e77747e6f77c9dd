// Members of a partnership, party by party: roles, party admins, adding organisations, inviting
// people (the link is shown with a copy button; there is no mail server), pending invitations.
// The server decides every permission; the page only hides controls the person cannot use.
import { html, mount, $, $$, toast } from '../../core/dom.js';
import { t, addMessages, formatDateTime } from '../../core/i18n.js';
import { get, post, put, del } from '../../core/api.js';
import { openPartnership, myMembership } from '../../core/session.js';
import { follow } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';
import { initials } from '../../core/people.js';
import { roleLabel } from '../../core/labels.js';

export const ROLES = ['Viewer', 'Commenter', 'Editor', 'Owner'];
const rank = role => ROLES.indexOf(role);

addMessages({
  en: {
    'role.Viewer': 'Viewer', 'role.Commenter': 'Commenter', 'role.Editor': 'Editor', 'role.Owner': 'Owner',
    'members.title': 'Members', 'members.admin': 'Party admin', 'members.you': 'you', 'members.remove': 'Remove',
    'members.confirmRemove': 'Remove {name} from this partnership? They lose access at once.',
    'members.changed': 'Saved.', 'members.removed': '{name} was removed.', 'members.roleOf': 'Role of {name}',
    'members.adminOf': '{name} is a party admin',
    'members.addParty': 'Add an organisation', 'members.partyName': 'Organisation name',
    'members.addPartyBtn': 'Add organisation',
    'members.invite': 'Invite someone to {party}', 'members.email': 'E-mail address', 'members.role': 'Role',
    'members.inviteAdmin': 'Party admin', 'members.inviteBtn': 'Create invitation link',
    'members.linkReady': 'Send this link to {email}. It works once and expires on {date}.', 'members.copy': 'Copy link',
    'members.copied': 'Link copied.', 'members.inviteLink': 'Invitation link',
    'members.pending': 'Pending invitations', 'members.noPending': 'No pending invitations.',
    'members.revoke': 'Revoke',
    'members.revoked': 'Invitation revoked.', 'members.expires': 'expires {date}',
    'members.noMembers': 'Nobody has joined yet.',
    'members.archived': 'This partnership is archived: everything is read-only.',
    'members.you.manage': 'You manage this organisation.',
  },
  id: {
    'role.Viewer': 'Pembaca', 'role.Commenter': 'Pemberi komentar', 'role.Editor': 'Editor', 'role.Owner': 'Pemilik',
    'members.title': 'Anggota', 'members.admin': 'Admin organisasi', 'members.you': 'Anda',
    'members.remove': 'Keluarkan',
    'members.confirmRemove': 'Keluarkan {name} dari kemitraan ini? Aksesnya langsung dicabut.',
    'members.changed': 'Tersimpan.', 'members.removed': '{name} telah dikeluarkan.', 'members.roleOf': 'Peran {name}',
    'members.adminOf': '{name} adalah admin organisasi',
    'members.addParty': 'Tambah organisasi', 'members.partyName': 'Nama organisasi',
    'members.addPartyBtn': 'Tambah organisasi',
    'members.invite': 'Undang seseorang ke {party}', 'members.email': 'Alamat e-mail', 'members.role': 'Peran',
    'members.inviteAdmin': 'Admin organisasi', 'members.inviteBtn': 'Buat tautan undangan',
    'members.linkReady': 'Kirim tautan ini ke {email}. Hanya bisa dipakai sekali dan berlaku sampai {date}.',
    'members.copy': 'Salin tautan',
    'members.copied': 'Tautan disalin.', 'members.inviteLink': 'Tautan undangan',
    'members.pending': 'Undangan yang belum diterima', 'members.noPending': 'Tidak ada undangan yang menunggu.',
    'members.revoke': 'Batalkan',
    'members.revoked': 'Undangan dibatalkan.', 'members.expires': 'berlaku sampai {date}',
    'members.noMembers': 'Belum ada yang bergabung.',
    'members.archived': 'Kemitraan ini sudah diarsipkan dan hanya dapat dibaca.',
    'members.you.manage': 'Anda mengelola organisasi ini.',
  },
});

/** Can `me` manage the people of `partyId`? Mirrors the grain's rule (the server still checks). */
function manages(p, me, partyId) {
  if (!me || p.archived) return false;
  if (me.isPartyAdmin && me.partyId === partyId) return true;
  return me.role === 'Owner' && !p.members.some(m => m.partyId === partyId && m.isPartyAdmin);
}

export async function renderMembers({ pid }, main) {
  const page = { pid, main, state: { p: null, invitations: [], lastLink: null } };
  updateNav(pid);
  // Live: any change to the partnership (someone joins, a role changes) redraws the page; presence does not.
  return follow({
    '*': async ({ kind }) => {
      if (kind === 'presence' || !main.isConnected) return;
      try { await load(page); draw(page); } catch { /* removed from the partnership: the next navigation shows it */ }
    },
  }, async () => { await load(page); draw(page); });
}

async function load({ pid, state }) {
  state.p = await openPartnership(pid, { force: true });
  state.invitations = await get(`/api/partnerships/${pid}/invitations`);
}

function draw(page) {
  const { main, state } = page;
  const p = state.p;
  const me = myMembership();
  const owner = me?.role === 'Owner' && !p.archived;
  mount(main, html`
    <div class="page-head"><h1>${t('members.title')}</h1><span class="muted">${p.name}</span></div>
    ${p.archived ? html`<p class="notice" role="status">${t('members.archived')}</p>` : ''}
    <div class="party-grid">${p.parties.map(party => partyCard(state, p, me, party))}</div>
    ${owner ? html`
      <section class="card add-party">
        <h2>${t('members.addParty')}</h2>
        <form id="add-party" class="inline-form" novalidate>
          <label>${t('members.partyName')}<input name="name" required maxlength="200"></label>
          <button class="primary" type="submit">${t('members.addPartyBtn')}</button>
        </form>
      </section>` : ''}`);
  wire(page);
}

function partyCard(state, p, me, party) {
  const people = p.members.filter(m => m.partyId === party.id);
  const canManage = manages(p, me, party.id);
  const pending = state.invitations.filter(i => i.partyId === party.id);
  // The link box stays only while its invitation is pending (it disappears once used or revoked).
  const link = state.lastLink?.partyId === party.id && pending.some(i => i.id === state.lastLink.id)
    ? state.lastLink : null;
  const grantable = ROLES.filter(r => me && rank(r) <= rank(me.role));
  // The first person of an organisation becomes its admin by default, so the partner can invite its own people.
  const firstOfParty = people.length === 0 && !pending.some(i => i.isPartyAdmin);
  return html`
    <section class="card party-card party" data-party="${party.id}">
      <h2>${party.name}</h2>
      ${canManage ? html`<p class="muted manage-note">${t('members.you.manage')}</p>` : ''}
      ${people.length === 0 ? html`<p class="empty">${t('members.noMembers')}</p>` : html`
      <ul class="members">${people.map(m => memberRow(me, m, canManage, grantable))}</ul>`}
      ${canManage ? html`
        <h3>${t('members.invite', { party: party.name })}</h3>
        <form class="inline-form invite-form" data-party="${party.id}" novalidate>
          <label>${t('members.email')}<input name="email" type="email" required maxlength="256"
            autocomplete="off"></label>
          <label class="role-field">${t('members.role')}<select name="role">${grantable.map(r => html`<option
            value="${r}" ${r === 'Editor' ? 'selected' : ''}>${roleLabel(r)}</option>`)}</select></label>
          <label class="check"><input type="checkbox" name="isPartyAdmin"
            ${firstOfParty ? 'checked' : ''}> ${t('members.inviteAdmin')}</label>
          <button class="primary" type="submit">${t('members.inviteBtn')}</button>
        </form>
        ${link ? html`
          <div class="link-box" role="status">
            <p>${t('members.linkReady', { email: link.email, date: formatDateTime(link.expiresAt) })}</p>
            <input readonly class="invite-link" aria-label="${t('members.inviteLink')}" value="${link.link}">
            <button type="button" class="copy-link">${t('members.copy')}</button>
          </div>` : ''}
        <h3>${t('members.pending')}</h3>
        ${pending.length === 0 ? html`<p class="muted flush">${t('members.noPending')}</p>` : html`
        <ul class="pending">${pending.map(i => html`
          <li><span class="grow"><strong>${i.email}</strong> · ${roleLabel(i.role)}${i.isPartyAdmin
            ? html` · ${t('members.admin')}` : ''}
            <small class="muted"> · ${t('members.expires', { date: formatDateTime(i.expiresAt) })}</small></span>
            <button type="button" class="danger revoke"
              data-id="${i.id}">${t('members.revoke')}</button></li>`)}</ul>`}` : ''}
    </section>`;
}

function memberRow(me, m, canManage, grantable) {
  const isMe = m.userId === me?.userId;
  // Nobody changes someone above themselves; your own role is changed by another admin.
  const editable = canManage && !isMe && rank(m.role) <= rank(me.role);
  return html`
    <li class="member-row ${editable ? 'editable' : ''}" data-user="${m.userId}">
      <span class="avatar" aria-hidden="true">${initials(m.displayName)}</span>
      <span class="who"><strong>${m.displayName}${isMe ? html` <span
        class="muted">(${t('members.you')})</span>` : ''}</strong><small>${m.email}</small></span>
      <span class="controls">${editable ? html`
        <select class="role-select"
          aria-label="${t('members.roleOf', { name: m.displayName })}">${grantable.map(r => html`<option value="${r}"
          ${r === m.role ? 'selected' : ''}>${roleLabel(r)}</option>`)}</select>
        <label class="check"><input type="checkbox" class="admin-toggle" ${m.isPartyAdmin ? 'checked' : ''}
          aria-label="${t('members.adminOf', { name: m.displayName })}"> ${t('members.admin')}</label>
        <button type="button" class="danger remove">${t('members.remove')}</button>` : html`
        <span class="badge">${roleLabel(m.role)}</span>${m.isPartyAdmin ? html`<span
          class="badge muted">${t('members.admin')}</span>` : ''}`}
      </span>
    </li>`;
}

async function act(page, fn, okMessage) {
  try {
    await fn();
    if (okMessage) toast(okMessage, 'ok');
  } catch (err) {
    toast(err.message, 'error');
  }
  await load(page);
  draw(page);
}

function wire(page) {
  const { pid, main, state } = page;
  $('#add-party', main)?.addEventListener('submit', e => {
    e.preventDefault();
    const name = new FormData(e.target).get('name');
    act(page, () => post(`/api/partnerships/${pid}/parties`, { name }));
  });
  wireInvites(page);
  for (const button of $$('.revoke', main)) {
    button.addEventListener('click',
      () => act(page, () => del(`/api/partnerships/${pid}/invitations/${button.dataset.id}`), t('members.revoked')));
  }
  for (const row of $$('.member-row', main)) {
    const userId = row.dataset.user;
    const member = state.p.members.find(m => m.userId === userId);
    const save = () => act(page, () => put(`/api/partnerships/${pid}/members/${encodeURIComponent(userId)}`, {
      role: $('.role-select', row).value, isPartyAdmin: $('.admin-toggle', row).checked,
    }), t('members.changed'));
    $('.role-select', row)?.addEventListener('change', save);
    $('.admin-toggle', row)?.addEventListener('change', save);
    $('.remove', row)?.addEventListener('click', () => {
      if (!confirm(t('members.confirmRemove', { name: member.displayName }))) return;
      act(page, () => del(`/api/partnerships/${pid}/members/${encodeURIComponent(userId)}`),
        t('members.removed', { name: member.displayName }));
    });
  }
}

// The invitation forms: a new invitation shows its link (with a copy button) in its organisation's card.
function wireInvites(page) {
  const { pid, main, state } = page;
  for (const form of $$('.invite-form', main)) {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const data = new FormData(form);
      try {
        const created = await post(`/api/partnerships/${pid}/invitations`, {
          partyId: form.dataset.party, email: data.get('email'), role: data.get('role'),
          isPartyAdmin: data.get('isPartyAdmin') === 'on',
        });
        const { invitation } = created;
        state.lastLink = { id: invitation.id, partyId: form.dataset.party, link: created.link, email: invitation.email,
          expiresAt: invitation.expiresAt };
      } catch (err) {
        toast(err.message, 'error');
        return;
      }
      await load(page);
      draw(page);
      $('.invite-link', main)?.focus();
    });
  }
  for (const button of $$('.copy-link', main)) {
    button.addEventListener('click', async () => {
      const input = button.parentElement.querySelector('input');
      try {
        await navigator.clipboard.writeText(input.value);
      } catch {
        input.select();
        document.execCommand('copy');
      }
      toast(t('members.copied'), 'ok');
    });
  }
}
