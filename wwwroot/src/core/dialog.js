// A modal form in a native <dialog>. fields: [{ name, label, type, value, options, required, ... }].
// onSubmit(values) may throw an ApiError: its message is shown in the dialog and the dialog stays open.
import { html, mount } from './dom.js';
import { t } from './i18n.js';

export function formDialog({ title, fields, submitLabel = t('common.save'), onSubmit, note, extra }) {
  const dialog = document.createElement('dialog');
  dialog.className = 'form-dialog';
  document.body.append(dialog);
  mount(dialog, html`
    <form method="dialog" novalidate>
      <h2>${title}</h2>
      ${note ? html`<p class="notice" role="status">${note}</p>` : ''}
      ${fields.map(field)}
      <p class="error" role="alert" hidden></p>
      <div class="actions">
        ${extra ? html`<button type="button" class="extra ${extra.className ?? ''}">${extra.label}</button><span class="spacer"></span>` : ''}
        <button type="button" value="cancel" class="cancel">${t('common.cancel')}</button>
        <button type="submit" class="primary">${submitLabel}</button>
      </div>
    </form>`);
  const form = dialog.querySelector('form');
  const error = dialog.querySelector('.error');
  const close = () => { dialog.close(); dialog.remove(); };
  dialog.querySelector('.cancel').addEventListener('click', close);
  dialog.addEventListener('cancel', close);
  dialog.querySelector('.extra')?.addEventListener('click', async () => {
    try {
      if (await extra.onClick()) close();
    } catch (err) {
      showError(err.message);
    }
  });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const values = {};
    for (const f of fields) {
      const el = form.elements[f.name];
      let v = el.value;
      if (f.type === 'number') v = v === '' ? null : Number(v);
      else if (v === '' && f.emptyAsNull !== false) v = null;
      values[f.name] = v;
    }
    try {
      error.hidden = true;
      await onSubmit(values, { showError, close });
      close();
    } catch (err) {
      if (err?.keepOpen) return;
      showError(err.message);
    }
  });
  function showError(message) { error.textContent = message; error.hidden = false; }
  dialog.showModal();
  form.querySelector('input, select, textarea')?.focus();
  return { dialog, close, form };
}

function field(f) {
  const value = f.value ?? '';
  if (f.type === 'select') {
    return html`<label>${f.label}<select name="${f.name}" ${f.required ? 'required' : ''}>
      ${f.options.map(o => html`<option value="${o.value}" ${String(o.value) === String(value) ? 'selected' : ''}>${o.label}</option>`)}</select></label>`;
  }
  if (f.type === 'textarea') {
    return html`<label>${f.label}<textarea name="${f.name}" rows="${f.rows ?? 3}" maxlength="${f.maxlength ?? 4000}">${value}</textarea></label>`;
  }
  return html`<label>${f.label}<input name="${f.name}" type="${f.type ?? 'text'}" value="${value}" ${f.required ? 'required' : ''}
    ${f.step ? html`step="${f.step}"` : ''} ${f.maxlength ? html`maxlength="${f.maxlength}"` : ''}></label>`;
}
