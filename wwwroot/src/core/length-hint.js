// Text fields with a maxlength say how close they are to it: the browser cuts typing and pasting at the limit
// without a word, so from 80 % of it on a counter shows under the field, and at the limit it says so.
import { t, addMessages } from './i18n.js';

addMessages({
  en: {
    'length.count': '{n} of {max} characters',
    'length.full': 'Limit of {max} characters reached: anything longer is cut off.',
  },
  id: {
    'length.count': '{n} dari {max} karakter',
    'length.full': 'Batas {max} karakter tercapai: kelebihannya terpotong.',
  },
});

const SHOW_FROM = 0.8;

/** Shows, updates or removes the hint under `field` for its current length. */
export function updateLengthHint(field) {
  const max = field.maxLength;
  if (!(max > 0) || !field.matches('input:not([type=email]):not([type=password]), textarea')) return;
  let hint = field.nextElementSibling?.classList.contains('length-hint') ? field.nextElementSibling : null;
  const n = [...field.value].length;
  if (n < max * SHOW_FROM) {
    hint?.remove();
    return;
  }
  if (!hint) {
    hint = document.createElement('small');
    hint.className = 'length-hint';
    hint.setAttribute('aria-live', 'polite');
    field.after(hint);
  }
  const full = field.value.length >= max;
  hint.classList.toggle('full', full);
  hint.textContent = full ? t('length.full', { max }) : t('length.count', { n, max });
}

if (typeof document !== 'undefined') {
  document.addEventListener('input', e => { if (e.target instanceof HTMLElement) updateLengthHint(e.target); }, true);
}
