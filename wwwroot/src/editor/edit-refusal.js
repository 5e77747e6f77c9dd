// Why a text refuses edits (a signed agreement, say), shown above the editor from the moment it opens: the server
// names the reason (an error code) in its open answer and pushes a change while the text is open, so nobody types
// words that would only be taken back.
import { StateEffect, StateField } from '@codemirror/state';
import { showPanel } from '@codemirror/view';
import { t, addMessages } from '../core/i18n.js';
import { describeCode } from '../core/errors.js';

addMessages({
  en: {
    'editing.refused.agreementSigned': 'Signed — this text changes only through an amendment.',
    'editing.refusedTitle': 'Read-only',
    'editing.refused': 'This text cannot be edited now.',
  },
  id: {
    'editing.refused.agreementSigned': 'Sudah ditandatangani — teks ini hanya dapat diubah melalui adendum.',
    'editing.refusedTitle': 'Hanya baca',
    'editing.refused': 'Teks ini tidak dapat diubah untuk saat ini.',
  },
});

/** Sets the refusal shown (an error code, or null when edits are accepted). */
export const setEditRefusal = StateEffect.define();

/** The refusal as { code, link } (link: { href, label } or null), with its notice as a panel above the text. */
export const editRefusal = StateField.define({
  create: () => null,
  update: (value, tr) => tr.effects.reduce((v, e) => (e.is(setEditRefusal) ? e.value : v), value),
  provide: field => showPanel.from(field, refusal => (refusal ? () => noticeOf(refusal) : null)),
});

function noticeOf({ code, link }) {
  const dom = document.createElement('div');
  dom.className = 'cm-edit-refused';
  dom.setAttribute('role', 'status');
  dom.dataset.code = code;
  const title = document.createElement('strong');
  title.textContent = `🔒 ${t('editing.refusedTitle')}`;
  const text = document.createElement('span');
  const key = `editing.refused.${code}`;
  text.textContent = t(key) !== key ? t(key) : describeCode(code) ?? t('editing.refused');
  dom.append(title, ' ', text);
  if (link) {
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.label;
    dom.append(' ', a);
  }
  return { dom, top: true };
}
