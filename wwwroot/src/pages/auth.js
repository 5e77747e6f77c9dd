// Sign in and sign up.
import { html, mount, $, toast } from '../core/dom.js';
import { t, addMessages } from '../core/i18n.js';
import { get, post } from '../core/api.js';

addMessages({
  en: {
    'auth.signin': 'Sign in', 'auth.signup': 'Create account', 'auth.email': 'E-mail address', 'auth.password': 'Password',
    'auth.name': 'Your name', 'auth.organisation': 'Your organisation', 'auth.noaccount': 'New here?',
    'auth.haveaccount': 'Already have an account?', 'auth.tagline': 'One live place for every party of a partnership.',
    'auth.passwordHint': 'At least 8 characters, with a digit.', 'auth.external': 'Sign in with {name}',
  },
  id: {
    'auth.signin': 'Masuk', 'auth.signup': 'Buat akun', 'auth.email': 'Alamat e-mail', 'auth.password': 'Kata sandi',
    'auth.name': 'Nama Anda', 'auth.organisation': 'Organisasi Anda', 'auth.noaccount': 'Belum punya akun?',
    'auth.haveaccount': 'Sudah punya akun?', 'auth.tagline': 'Satu ruang kerja bersama yang langsung diperbarui untuk semua pihak dalam kemitraan.',
    'auth.passwordHint': 'Minimal 8 karakter, dengan angka.', 'auth.external': 'Masuk dengan {name}',
  },
});

export function renderAuth(main, { mode = 'signin', onDone, email = '' } = {}) {
  const signup = mode === 'signup';
  mount(main, html`
    <section class="auth card">
      <h1>${signup ? t('auth.signup') : t('auth.signin')}</h1>
      <p class="muted">${t('auth.tagline')}</p>
      <form id="auth-form" novalidate>
        ${signup ? html`
          <label>${t('auth.name')}<input name="displayName" autocomplete="name" required maxlength="100"></label>
          <label>${t('auth.organisation')}<input name="organisation" autocomplete="organization" maxlength="200"></label>` : ''}
        <label>${t('auth.email')}<input name="email" type="email" autocomplete="email" required value="${email}"></label>
        <label>${t('auth.password')}<input name="password" type="password" autocomplete="${signup ? 'new-password' : 'current-password'}" required minlength="8">
          ${signup ? html`<small class="muted">${t('auth.passwordHint')}</small>` : ''}</label>
        <p class="error" id="auth-error" role="alert" hidden></p>
        <button type="submit" class="primary">${signup ? t('auth.signup') : t('auth.signin')}</button>
      </form>
      <p class="muted">${signup ? t('auth.haveaccount') : t('auth.noaccount')}
        <button class="link" id="auth-switch">${signup ? t('auth.signin') : t('auth.signup')}</button></p>
    </section>`);
  $('#auth-switch', main).addEventListener('click', () => renderAuth(main, { mode: signup ? 'signin' : 'signup', onDone, email: $('#auth-form [name=email]', main).value || email }));
  showExternalProviders($('#auth-form', main));
  $('#auth-form', main).addEventListener('submit', async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.target));
    const error = $('#auth-error', main);
    error.hidden = true;
    try {
      const me = await post(signup ? '/api/account/signup' : '/api/account/signin', data);
      await onDone(me);
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
      toast(err.message, 'error');
    }
  });
}

// An external OpenID Connect provider, when the server has one configured.
async function showExternalProviders(form) {
  let providers = [];
  try { providers = await get('/api/account/providers'); } catch { return; }
  for (const p of providers) {
    const a = document.createElement('a');
    a.className = 'button external';
    a.href = p.startUrl;
    a.textContent = t('auth.external', { name: p.displayName });
    form.after(a);
  }
}
