// Sign in and sign up.
import { html, mount, $, toast } from '../../core/dom.js';
import { t, addMessages } from '../../core/i18n.js';
import { get, post } from '../../core/api.js';
import { attachStrengthMeter, MIN_LENGTH } from '../../core/password-meter.js';
import { takeSessionEndedNotice } from '../../core/session-end.js';

addMessages({
  en: {
    'auth.signin': 'Sign in', 'auth.signup': 'Create account', 'auth.email': 'E-mail address',
    'auth.password': 'Password',
    'auth.name': 'Your name', 'auth.organisation': 'Your organisation', 'auth.noaccount': 'New here?',
    'auth.haveaccount': 'Already have an account?', 'auth.tagline': 'One live place for every party of a partnership.',
    'auth.passwordHint': 'At least 10 characters. A phrase of a few unrelated words is strong and easy to remember.',
    'auth.external': 'Sign in with {name}', 'auth.sessionEnded': 'Your session has ended: sign in again.',
    'auth.signupThenSignin': 'We could not sign you in with these details. If this address already has an account, '
      + 'sign in with its password.',
  },
  id: {
    'auth.signin': 'Masuk', 'auth.signup': 'Buat akun', 'auth.email': 'Alamat e-mail', 'auth.password': 'Kata sandi',
    'auth.name': 'Nama Anda', 'auth.organisation': 'Organisasi Anda', 'auth.noaccount': 'Baru di sini?',
    'auth.haveaccount': 'Sudah punya akun?', 'auth.tagline': 'Satu tempat langsung untuk setiap pihak dalam kemitraan.',
    'auth.passwordHint': 'Minimal 10 karakter. Frasa dari beberapa kata yang tidak saling berkaitan kuat dan mudah '
      + 'diingat.',
    'auth.external': 'Masuk dengan {name}', 'auth.sessionEnded': 'Sesi Anda telah berakhir: silakan masuk kembali.',
    'auth.signupThenSignin': 'Kami tidak dapat memasukkan Anda dengan data ini. Jika alamat ini sudah punya akun, '
      + 'masuklah dengan kata sandinya.',
  },
});

/** `organisation`: when an invitation already decides it, the sign-up sends it without asking. */
export function renderAuth(main, { mode = 'signin', onDone, email = '', organisation = null } = {}) {
  const signup = mode === 'signup';
  mount(main, html`
    <section class="auth card">
      <h1>${signup ? t('auth.signup') : t('auth.signin')}</h1>
      <p class="muted">${t('auth.tagline')}</p>
      <form id="auth-form" novalidate>
        ${signup ? html`
          <label>${t('auth.name')}<input name="displayName" autocomplete="name" required maxlength="100"></label>
          ${organisation == null
            ? html`<label>${t('auth.organisation')}<input name="organisation" autocomplete="organization"
              maxlength="200"></label>`
            : html`<input type="hidden" name="organisation" value="${organisation}">`}` : ''}
        <label>${t('auth.email')}<input name="email" type="email" autocomplete="email" required
          value="${email}"></label>
        <label>${t('auth.password')}<input name="password" type="password"
          autocomplete="${signup ? 'new-password' : 'current-password'}" required ${signup
            ? html`minlength="${MIN_LENGTH}"` : ''}>
          ${signup ? html`<small class="muted">${t('auth.passwordHint')}</small>` : ''}</label>
        ${signup ? html`<div class="strength" id="auth-strength"></div>` : ''}
        ${!signup && takeSessionEndedNotice() ? html`<p class="notice" id="session-ended"
          role="status">${t('auth.sessionEnded')}</p>` : ''}
        <p class="error" id="auth-error" role="alert" hidden></p>
        <button type="submit" class="primary">${signup ? t('auth.signup') : t('auth.signin')}</button>
      </form>
      <p class="muted">${signup ? t('auth.haveaccount') : t('auth.noaccount')}
        <button class="link" id="auth-switch">${signup ? t('auth.signin') : t('auth.signup')}</button></p>
    </section>`);
  // The window is named after the form, unless the form sits inside another page (an invitation).
  if (main.id === 'main') document.title = `${t(signup ? 'auth.signup' : 'auth.signin')} · ${t('shell.brand')}`;
  $('#auth-switch', main).addEventListener('click', () => {
    renderAuth(main, {
      mode: signup ? 'signin' : 'signup', onDone, organisation,
      email: $('#auth-form [name=email]', main).value || email,
    });
    $('#auth-switch', main).focus(); // the switch is redrawn; the focus stays on it rather than the top of the page
  });
  showExternalProviders($('#auth-form', main));
  if (signup) {
    const form = $('#auth-form', main);
    attachStrengthMeter(form.elements.password, $('#auth-strength', main),
      () => [form.elements.email.value, form.elements.displayName.value, form.elements.organisation.value]);
  }
  $('#auth-form', main).addEventListener('submit', async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.target));
    const error = $('#auth-error', main);
    error.hidden = true;
    try {
      await onDone(signup ? await signUp(data) : await post('/api/account/signin', data));
    } catch (err) {
      error.textContent = errorText(err);
      error.hidden = false;
      toast(error.textContent, 'error');
    }
  });
}

// The server answers a sign-up alike whether or not the address had an account; signing in then tells.
async function signUp(data) {
  await post('/api/account/signup', data);
  try {
    return await post('/api/account/signin', { email: data.email, password: data.password });
  } catch (err) {
    if (err.status === 401) err.problem = { ...err.problem, code: 'signupThenSignin' };
    throw err;
  }
}

/** The refusal in the person's language (core/errors.js words the server's code). */
export function errorText(err) {
  return err?.problem?.code === 'signupThenSignin' ? t('auth.signupThenSignin') : err.message;
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
