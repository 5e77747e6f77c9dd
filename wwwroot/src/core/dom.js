// Tiny DOM helpers: html`` escapes every interpolated value unless it is raw().
const RAW = Symbol('raw');

export function raw(html) { return { [RAW]: String(html) }; }

export function escapeHtml(value) {
  return String(value ?? '')
    .replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function render(value) {
  if (value == null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && RAW in value) return value[RAW];
  return escapeHtml(value);
}

export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => { out += render(v) + strings[i + 1]; });
  return raw(out);
}

/**
 * Replaces the element's content. What the person was typing survives the redraw (a live update from a
 * partner must never wipe a half-filled form): changed fields and the focused field are carried over to
 * the same field of the same form in the new content. A form that was just submitted starts afresh.
 */
export function mount(element, content) {
  const kept = keepInput(element);
  element.innerHTML = render(content);
  kept.restore(element);
  return element;
}

function fieldKey(field) {
  const form = field.form ?? field.closest('form');
  const formKey = form ? (form.id || `${form.className}|${JSON.stringify(form.dataset)}`) : '';
  return `${formKey}|${field.name || field.id || field.getAttribute('aria-label') || ''}`;
}

function isChanged(field) {
  if (field.type === 'checkbox' || field.type === 'radio') return field.checked !== field.defaultChecked;
  if (field.tagName === 'SELECT') return [...field.options].some(o => o.selected !== o.defaultSelected);
  return field.value !== field.defaultValue;
}

function keepInput(element) {
  const values = new Map();
  for (const field of element.querySelectorAll('form input, form select, form textarea')) {
    const form = field.form ?? field.closest('form');
    if (form?.dataset.submitted || field.type === 'hidden' || field.type === 'file' || !isChanged(field)) continue;
    values.set(fieldKey(field), field.type === 'checkbox' || field.type === 'radio' ? field.checked : field.value);
  }
  const active = document.activeElement;
  const focus = active && active !== element && element.contains(active) && active.matches('input, select, textarea')
    ? { key: fieldKey(active), start: active.selectionStart, end: active.selectionEnd } : null;
  return {
    restore(root) {
      if (values.size === 0 && !focus) return;
      for (const field of root.querySelectorAll('form input, form select, form textarea')) {
        const key = fieldKey(field);
        if (values.has(key)) {
          if (field.type === 'checkbox' || field.type === 'radio') field.checked = values.get(key);
          else field.value = values.get(key);
        }
        if (focus?.key === key) {
          field.focus();
          try {
            if (focus.start != null) field.setSelectionRange(focus.start, focus.end);
          } catch { /* not a text field */ }
        }
      }
    },
  };
}

/** A request failed: forms just submitted keep what is typed in them through redraws after all. */
export function keepSubmittedInput() {
  if (typeof document === 'undefined') return;
  for (const form of document.querySelectorAll('form[data-submitted]')) delete form.dataset.submitted;
}

// A submitted form is not restored by the next redraw (its content was sent), unless typed in again or the
// request failed (api.js calls keepSubmittedInput).
if (typeof document !== 'undefined') {
  document.addEventListener('submit', e => {
    if (e.target instanceof HTMLFormElement) e.target.dataset.submitted = '1';
  }, true);
  document.addEventListener('input', e => { delete e.target.closest?.('form')?.dataset.submitted; }, true);
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** Takes away the messages shown so far (on navigation: an error of the page left behind no longer applies). */
export function clearToasts() {
  $('#toasts')?.replaceChildren();
}

/** Shows a short message at the bottom of the screen. */
export function toast(message, kind = 'info') {
  let host = $('#toasts');
  if (!host) { host = document.createElement('div'); host.id = 'toasts'; document.body.append(host); }
  const el = document.createElement('div');
  el.className = `toast toast-${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  el.textContent = message;
  host.append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 6000 : 3500);
}

/**
 * A selector that finds "the same" control again after its part of the page is redrawn: by id, name or a data-*
 * attribute, or as the form's submit button. Null when nothing identifies it.
 */
export function selectorOf(el) {
  if (!(el instanceof Element) || el === document.body) return null;
  if (el.id) return `#${CSS.escape(el.id)}`;
  const tag = el.tagName.toLowerCase();
  if (el.getAttribute('name')) return `${tag}[name="${CSS.escape(el.getAttribute('name'))}"]`;
  const data = [...el.attributes].find(a => a.name.startsWith('data-') && a.value);
  if (data) return `${tag}[${data.name}="${CSS.escape(data.value)}"]`;
  if (el.matches('button[type=submit], form button:not([type])')) return `${tag}[type=submit], form ${tag}:not([type])`;
  return null;
}

/** Runs `redraw` (which replaces what is inside `root`) and gives the focus back to the same control if it had it. */
export function keepFocus(root, redraw) {
  const active = document.activeElement;
  const key = active && root.contains(active) ? selectorOf(active) : null;
  redraw();
  if (key && !root.contains(document.activeElement)) root.querySelector(key)?.focus();
}

let liveRegion = null;
/** Says `text` to screen readers through one polite live region that outlives every redraw. */
export function announce(text) {
  if (!liveRegion?.isConnected) {
    liveRegion = document.createElement('div');
    liveRegion.id = 'announcer';
    liveRegion.className = 'sr-only';
    liveRegion.setAttribute('aria-live', 'polite');
    liveRegion.setAttribute('role', 'status');
    document.body.append(liveRegion);
  }
  // Cleared first so the same words said twice are still read twice.
  liveRegion.textContent = '';
  setTimeout(() => { liveRegion.textContent = text; }, 50);
}
