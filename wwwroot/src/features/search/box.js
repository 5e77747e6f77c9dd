// The search box in the top bar of every partnership page. "/" focuses it (unless the person is typing somewhere),
// Enter opens the results page, Escape clears it. On a phone it is a button that opens the field in a row of its own.
import { html, mount, $ } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { navigate, onNavigate } from '../../core/router.js';

const narrow = window.matchMedia('(max-width: 600px)');

/** The partnership of the page in the address bar, or null. */
const partnershipHere = () => /^\/p\/([^/]+)/.exec(location.pathname)?.[1] ?? null;

/** Puts the box into the top bar (again after each redraw of the shell). */
export function mountSearchBox() {
  if (!$('.topbar') || $('#search-box')) return;
  const before = $('#bell-host') ?? $('#connection');
  before.insertAdjacentHTML('beforebegin', '<form class="search-box" id="search-box" role="search"></form>');
  const form = $('#search-box');
  mount(form, html`<button type="button" class="search-toggle" id="search-toggle" aria-expanded="false"
      aria-controls="search-field" aria-label="${t('search.open')}">${icon()}</button>
    <span class="search-field" id="search-field">${icon()}
      <label class="sr-only" for="search-input">${t('search.label')}</label>
      <input type="search" id="search-input" name="q" placeholder="${t('search.placeholder')}" autocomplete="off"
        enterkeyhint="search" maxlength="100" aria-keyshortcuts="/"></span>`);
  form.addEventListener('submit', e => { e.preventDefault(); open(); });
  $('#search-toggle').addEventListener('click', () => setExpanded(!form.classList.contains('open'), true));
  $('#search-input').addEventListener('keydown', e => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    if (e.target.value) e.target.value = '';
    else if (narrow.matches) { setExpanded(false); $('#search-toggle').focus(); }
  });
  follow();
}

const icon = () => html`<svg class="search-icon" aria-hidden="true" viewBox="0 0 24 24"><path d="M10 3a7 7 0 0 1
  5.6 11.2l4.6 4.6-1.4 1.4-4.6-4.6A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z"/></svg>`;

function open() {
  const pid = partnershipHere();
  const q = $('#search-input').value.trim();
  if (!pid || !q) return;
  if (narrow.matches) setExpanded(false);
  navigate(`/p/${encodeURIComponent(pid)}/search?q=${encodeURIComponent(q)}`);
}

function setExpanded(expanded, focus = false) {
  const form = $('#search-box');
  if (!form) return;
  form.classList.toggle('open', expanded);
  $('#search-toggle').setAttribute('aria-expanded', String(expanded));
  if (expanded && focus) $('#search-input').focus();
}

/** Shown on partnership pages only; on the results page it holds the query searched. */
function follow() {
  const form = $('#search-box');
  if (!form) return;
  const pid = partnershipHere();
  form.hidden = !pid;
  if (!pid) return;
  const onResults = /^\/p\/[^/]+\/search\/?$/.test(location.pathname);
  const input = $('#search-input');
  if (document.activeElement === input) return;
  input.value = onResults ? new URLSearchParams(location.search).get('q') ?? '' : '';
}
onNavigate(() => follow());

/** True when a key typed now would go into something editable (a field, the editor). */
const typing = el => !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)
  || !!el.closest?.('[contenteditable="true"], .cm-editor'));

document.addEventListener('keydown', e => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  if (typing(document.activeElement) || document.querySelector('dialog[open]')) return;
  const form = $('#search-box');
  if (!form || form.hidden) return;
  e.preventDefault();
  if (narrow.matches) setExpanded(true);
  $('#search-input').focus();
  $('#search-input').select();
});
