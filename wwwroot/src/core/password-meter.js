// A strength meter under a new-password field. The estimator (and its dictionaries) is fetched the first time
// the field is used, so it weighs nothing on the first load. The server has the last word: it refuses passwords
// shorter than MIN_LENGTH or easy to guess.
import { html, mount } from './dom.js';
import { t, addMessages } from './i18n.js';

export const MIN_LENGTH = 10;

addMessages({
  en: {
    'strength.label': 'Strength', 'strength.short': 'Too short: at least {n} characters.',
    'strength.0': 'Very easy to guess', 'strength.1': 'Easy to guess', 'strength.2': 'Could be guessed',
    'strength.3': 'Hard to guess', 'strength.4': 'Very hard to guess',
  },
  id: {
    'strength.label': 'Kekuatan', 'strength.short': 'Terlalu pendek: minimal {n} karakter.',
    'strength.0': 'Sangat mudah ditebak', 'strength.1': 'Mudah ditebak', 'strength.2': 'Masih bisa ditebak',
    'strength.3': 'Sulit ditebak', 'strength.4': 'Sangat sulit ditebak',
  },
});

let estimator = null;
const load = () => (estimator ??= import('./password-strength.js'));

/** Shows the strength of `input`'s password in `box`; `hints()` gives the person's e-mail, name, organisation. */
export function attachStrengthMeter(input, box, hints = () => []) {
  mount(box, html`<meter min="0" max="4" low="2" high="3" optimum="4" value="0"
    aria-label="${t('strength.label')}"></meter>
    <small class="strength-text" aria-live="polite"></small>`);
  const meter = box.querySelector('meter');
  const text = box.querySelector('.strength-text');
  let latest = 0;
  const show = async () => {
    const password = input.value;
    const asked = ++latest;
    if (!password) { meter.value = 0; text.textContent = ''; return; }
    const { strength } = await load();
    if (asked !== latest) return;
    const score = strength(password, hints());
    meter.value = password.length < MIN_LENGTH ? Math.min(score, 1) : score;
    box.dataset.score = String(meter.value);
    text.textContent = password.length < MIN_LENGTH ? t('strength.short', { n: MIN_LENGTH }) : t(`strength.${score}`);
  };
  input.addEventListener('focus', load, { once: true });
  input.addEventListener('input', show);
}
