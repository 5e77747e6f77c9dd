// My account: who I am, and changing my password.
import { html, mount, $, toast } from '../../core/dom.js';
import { t, addMessages } from '../../core/i18n.js';
import { get, post, put } from '../../core/api.js';
import { session } from '../../core/session.js';
import { updateNav } from '../../core/nav.js';
import { attachStrengthMeter, MIN_LENGTH } from '../../core/password-meter.js';

addMessages({
  en: {
    'account.title': 'Your account', 'account.name': 'Name', 'account.email': 'E-mail address',
    'account.org': 'Organisation',
    'account.password': 'Change password', 'account.current': 'Current password', 'account.new': 'New password',
    'account.repeat': 'Repeat the new password', 'account.save': 'Change password',
    'account.mismatch': 'The two new passwords differ.',
    'account.changed': 'Your password has been changed.',
  },
  id: {
    'account.title': 'Akun Anda', 'account.name': 'Nama', 'account.email': 'Alamat e-mail', 'account.org': 'Organisasi',
    'account.password': 'Ganti kata sandi', 'account.current': 'Kata sandi saat ini', 'account.new': 'Kata sandi baru',
    'account.repeat': 'Ulangi kata sandi baru', 'account.save': 'Ganti kata sandi',
    'account.mismatch': 'Kedua kata sandi baru berbeda.',
    'account.changed': 'Kata sandi Anda telah diganti.',
  },
});

export function renderAccount(_params, main) {
  updateNav(null);
  const me = session.me;
  mount(main, html`
    <h1>${t('account.title')}</h1>
    <div class="stack">
      <section class="card">
        <dl class="facts">
          <dt>${t('account.name')}</dt><dd>${me.displayName}</dd>
          <dt>${t('account.email')}</dt><dd>${me.email}</dd>
          ${me.organisation ? html`<dt>${t('account.org')}</dt><dd>${me.organisation}</dd>` : ''}
        </dl>
      </section>
      <section class="card" id="email-settings" aria-labelledby="email-title">
        <h2 id="email-title">${t('notifications.email')}</h2><p class="muted">${t('notifications.loading')}</p>
      </section>
      <section class="card">
        <h2>${t('account.password')}</h2>
        <form id="password-form" novalidate>
          <label>${t('account.current')}<input name="currentPassword" type="password" autocomplete="current-password"
            required></label>
          <label>${t('account.new')}<input name="newPassword" type="password" autocomplete="new-password" required
            minlength="${MIN_LENGTH}"></label>
          <div class="strength" id="password-strength"></div>
          <label>${t('account.repeat')}<input name="repeat" type="password" autocomplete="new-password" required
            minlength="${MIN_LENGTH}"></label>
          <p class="error" id="password-error" role="alert" hidden></p>
          <p class="ok-text" id="password-ok" role="status" hidden>${t('account.changed')}</p>
          <button class="primary" type="submit">${t('account.save')}</button>
        </form>
      </section>
    </div>`);
  renderEmailSetting($('#email-settings', main));
  attachStrengthMeter($('#password-form', main).elements.newPassword, $('#password-strength', main),
    () => [me.email, me.displayName, me.organisation]);
  $('#password-form', main).addEventListener('submit', async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.target));
    const error = $('#password-error', main);
    const ok = $('#password-ok', main);
    error.hidden = true;
    ok.hidden = true;
    if (data.newPassword !== data.repeat) {
      error.textContent = t('account.mismatch');
      error.hidden = false;
      return;
    }
    try {
      await post('/api/account/password', { currentPassword: data.currentPassword, newPassword: data.newPassword });
      e.target.reset();
      ok.hidden = false;
      toast(t('account.changed'), 'ok');
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  });
}

// The switch of notification e-mails (the words are the notifications feature's, registered at start).
async function renderEmailSetting(host) {
  const settings = await get('/api/notifications/settings');
  mount(host, html`<h2 id="email-title">${t('notifications.email')}</h2>
    ${settings.emailAvailable ? '' : html`<p class="muted">${t('notifications.emailUnavailable')}</p>`}
    <label class="check"><input type="checkbox" id="email-on" ${settings.emailEnabled ? 'checked' : ''}>
      ${t('notifications.emailLabel')}</label>
    <p class="muted">${t('notifications.emailHint')}</p>`);
  $('#email-on', host).addEventListener('change', async e => {
    const saved = await put('/api/notifications/settings', { emailEnabled: e.target.checked });
    e.target.checked = saved.emailEnabled;
    toast(t('notifications.saved'), 'ok');
  });
}
