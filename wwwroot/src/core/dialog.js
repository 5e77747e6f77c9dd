// A modal form in a native <dialog>. fields: [{ name, label, type, value, options, required, ... }].
// onSubmit(values) may throw an ApiError: its message is shown in the dialog and the dialog stays open.
// The returned handle lets a caller change the form while it is open (live changes, conflicts: core/versioned.js).
import { html, mount, selectorOf } from './dom.js';
import { t, formatDate } from './i18n.js';

export function formDialog({ title, fields, submitLabel = t('common.save'), onSubmit, note, extra, onClose }) {
  const opener = document.activeElement;
  const openerKey = selectorOf(opener);
  const dialog = document.createElement('dialog');
  dialog.className = 'form-dialog';
  document.body.append(dialog);
  mount(dialog, html`
    <form method="dialog" novalidate>
      <h2>${title}</h2>
      <p class="notice" role="status" ${note ? '' : 'hidden'}>${note ?? ''}</p>
      ${fields.map(field)}
      <p class="error" role="alert" hidden></p>
      <div class="actions">
        ${extra ? html`<button type="button" class="extra ${extra.className ?? ''}">${extra.label}</button><span
          class="spacer"></span>` : ''}
        <button type="button" value="cancel" class="cancel">${t('common.cancel')}</button>
        <button type="submit" class="primary">${submitLabel}</button>
      </div>
    </form>`);
  const form = dialog.querySelector('form');
  const error = dialog.querySelector('.error');
  const close = () => { dialog.close(); dialog.remove(); onClose?.(); returnFocus(opener, openerKey); };
  const handle = {
    dialog, form, close,
    values: () => read(form, fields),
    set: (name, value) => set(form, fields, name, value),
    note: text => { const p = form.querySelector('.notice'); p.textContent = text; p.hidden = !text; },
    clashes: (list, who) => showClashes(form, fields, list, who),
  };
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
    try {
      error.hidden = true;
      await onSubmit(read(form, fields), { showError, close, handle });
      close();
    } catch (err) {
      if (err?.keepOpen) return;
      showError(err.message);
    }
  });
  function showError(message) { error.textContent = message; error.hidden = false; }
  dialog.showModal();
  form.querySelector('input, select, textarea')?.focus();
  return handle;
}

/** Back to the control that opened the dialog, or to its redrawn copy when a save redrew the page under it. */
function returnFocus(opener, key) {
  if (document.activeElement && document.activeElement !== document.body) return;
  const target = opener?.isConnected ? opener : key && document.querySelector(`#main ${key}`);
  (target ?? document.querySelector('#main h1'))?.focus();
}

function read(form, fields) {
  const values = {};
  for (const f of fields) {
    let v = form.elements[f.name].value;
    if (f.type === 'number') v = v === '' ? null : Number(v);
    else if (v === '' && f.emptyAsNull !== false) v = null;
    values[f.name] = v;
  }
  return values;
}

function set(form, fields, name, value) {
  const el = form.elements[name];
  if (!el || !fields.some(f => f.name === name)) return;
  el.value = value ?? '';
}

/** How a value reads to a person: an option's label, a date in their format, or a dash for nothing. */
function shown(f, value) {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (f.type === 'select') return f.options.find(o => String(o.value) === String(value))?.label ?? String(value);
  if (f.type === 'date') return formatDate(value);
  return String(value);
}

/** Both people changed these fields: each shows both values side by side; the person picks one (theirs by choice). */
function showClashes(form, fields, list, who) {
  form.querySelectorAll('.clash').forEach(c => c.remove());
  for (const clash of list) {
    const f = fields.find(x => x.name === clash.field);
    const label = form.elements[clash.field]?.closest('label');
    if (!f || !label) continue;
    const box = document.createElement('fieldset');
    box.className = 'clash';
    box.dataset.field = clash.field;
    mount(box, html`<legend>${t('conflict.both', { field: f.label })}</legend>
      <label><input type="radio" name="clash-${f.name}" value="mine" checked>
        <span>${t('conflict.yours')}: <strong>${shown(f, clash.mine)}</strong></span></label>
      <label><input type="radio" name="clash-${f.name}" value="theirs">
        <span>${who}: <strong>${shown(f, clash.theirs)}</strong></span></label>`);
    box.addEventListener('change', e =>
      set(form, fields, f.name, e.target.value === 'mine' ? clash.mine : clash.theirs));
    label.after(box);
  }
}

function field(f) {
  const value = f.value ?? '';
  if (f.type === 'select') {
    return html`<label>${f.label}<select name="${f.name}" ${f.required ? 'required' : ''}>
      ${f.options.map(o => html`<option value="${o.value}"
        ${String(o.value) === String(value) ? 'selected' : ''}>${o.label}</option>`)}</select></label>`;
  }
  if (f.type === 'textarea') {
    return html`<label>${f.label}<textarea name="${f.name}" rows="${f.rows ?? 3}"
      maxlength="${f.maxlength ?? 4000}">${value}</textarea></label>`;
  }
  return html`<label>${f.label}<input name="${f.name}" type="${f.type ?? 'text'}" value="${value}"
    ${f.required ? 'required' : ''}
    ${f.step ? html`step="${f.step}"` : ''} ${f.maxlength ? html`maxlength="${f.maxlength}"` : ''}></label>`;
}
