// /invite/{token}: the page an invitation link opens. Signed out, it offers sign-up (e-mail
// prefilled) or sign-in, then accepts; signed in, one click accepts.
import { html, mount, $, toast } from '../../core/dom.js';
import { t, addMessages, formatDateTime } from '../../core/i18n.js';
import { get, post } from '../../core/api.js';
import { session, loadMe } from '../../core/session.js';
import { stopDocumentsConnection } from '../../core/documentsLive.js';
import { stopPartnershipConnection } from '../../core/partnershipLive.js';
import { renderAuth } from './auth.js';
import { roleLabel } from '../../core/labels.js';

addMessages({
  en: {
    'invite.title': 'You are invited',
    'invite.text': '{inviter} invites {email} to join {party} in the partnership “{partnership}” as {role}.',
    'invite.expires': 'The invitation expires on {date}.', 'invite.accept': 'Accept invitation',
    'invite.signupFirst': 'Create your account (or sign in) to accept.',
    'invite.invalid': 'This invitation link is not valid.', 'invite.Accepted': 'This invitation has already been used.',
    'invite.Revoked': 'This invitation has been revoked.',
    'invite.Expired': 'This invitation has expired. Ask for a new one.',
    'invite.otherAccount': 'You are signed in as {me}, but this invitation is for {email}.',
    'invite.signout': 'Sign out and switch account',
    'invite.home': 'Go to your partnerships',
  },
  id: {
    'invite.title': 'Anda diundang',
    'invite.text': '{inviter} mengundang {email} untuk bergabung dengan {party} dalam kemitraan “{partnership}” '
      + 'sebagai {role}.',
    'invite.expires': 'Undangan berlaku sampai {date}.', 'invite.accept': 'Terima undangan',
    'invite.signupFirst': 'Buat akun Anda (atau masuk) untuk menerima.',
    'invite.invalid': 'Tautan undangan ini tidak berlaku.', 'invite.Accepted': 'Undangan ini sudah digunakan.',
    'invite.Revoked': 'Undangan ini telah dibatalkan.',
    'invite.Expired': 'Undangan ini sudah kedaluwarsa. Mintalah yang baru.',
    'invite.otherAccount': 'Anda masuk sebagai {me}, tetapi undangan ini untuk {email}.',
    'invite.signout': 'Keluar dan ganti akun',
    'invite.home': 'Ke kemitraan Anda',
  },
});

export async function renderInvite({ token }, main) {
  let preview;
  try {
    preview = await get(`/api/invitations/${encodeURIComponent(token)}`);
  } catch {
    mount(main, html`<section class="card invite-card"><h1>${t('invite.title')}</h1><p
      class="error">${t('invite.invalid')}</p>
      <a class="button" href="/">${t('invite.home')}</a></section>`);
    return;
  }
  const me = session.me;
  const pending = preview.status === 'Pending';
  const wrongAccount = me && me.email.toLowerCase() !== preview.email.toLowerCase();
  mount(main, html`
    <section class="card invite-card" id="invitation">
      <h1>${t('invite.title')}</h1>
      <p>${t('invite.text', { inviter: preview.invitedByName, email: preview.email, party: preview.partyName,
        partnership: preview.partnershipName, role: roleLabel(preview.role) })}</p>
      ${!pending ? html`<p class="error" role="alert">${t(`invite.${preview.status}`)}</p><a class="button"
        href="/">${t('invite.home')}</a>` : ''}
      ${pending ? html`<p class="muted">${t('invite.expires', { date: formatDateTime(preview.expiresAt) })}</p>` : ''}
      ${pending && !me ? html`<p><strong>${t('invite.signupFirst')}</strong></p><div id="invite-auth"></div>` : ''}
      ${pending && wrongAccount ? html`<p
        class="notice">${t('invite.otherAccount', { me: me.email, email: preview.email })}</p>
        <button id="switch-account">${t('invite.signout')}</button>` : ''}
      ${pending && me && !wrongAccount ? html`<button class="primary" id="accept">${t('invite.accept')}</button>` : ''}
    </section>`);

  const accept = async () => {
    try {
      await post(`/api/invitations/${encodeURIComponent(token)}/accept`);
      // A full load brings up the shell, the live connection and the new partnership together.
      location.assign(`/p/${preview.partnershipId}?welcome`);
    } catch (err) {
      toast(err.message, 'error');
      await renderInvite({ token }, main);
    }
  };
  if (pending && !me) {
    // The invitation decides the organisation: the sign-up does not ask for it.
    renderAuth($('#invite-auth', main), {
      mode: 'signup', email: preview.email, organisation: preview.partyName,
      onDone: async () => { await loadMe(); await accept(); },
    });
  }
  $('#accept', main)?.addEventListener('click', accept);
  $('#switch-account', main)?.addEventListener('click', async () => {
    await post('/api/account/signout');
    session.me = null;
    // This page does not reload: the next person must not go on with the live connections of this one.
    stopDocumentsConnection();
    stopPartnershipConnection();
    await renderInvite({ token }, main);
  });
}
