// The results page of a partnership's search (/p/:pid/search?q=…): grouped by kind with counts, each result a link
// to the thing, its matches highlighted. User text is put in as text nodes, never as HTML.
import { html, mount, $ } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { get } from '../../core/api.js';
import { openPartnership } from '../../core/session.js';
import { updateNav } from '../../core/nav.js';
import { navigate } from '../../core/router.js';
import { hrefOf, marked } from './results.js';

export async function renderSearch({ pid }, main) {
  const q = (new URLSearchParams(location.search).get('q') ?? '').trim();
  await openPartnership(pid);
  updateNav(pid);
  mount(main, html`<div class="search-page">
    <div class="page-head"><h1 tabindex="-1">${t('search.title')}</h1></div>
    <form class="search-again" id="search-again" role="search">
      <label class="sr-only" for="search-again-input">${t('search.label')}</label>
      <input type="search" id="search-again-input" name="q" value="${q}" maxlength="100" enterkeyhint="search">
      <button type="submit" class="primary">${t('search.go')}</button>
    </form>
    <div id="search-results" aria-live="polite">${q ? html`<p class="muted" role="status">${t('search.searching')}</p>`
      : html`<p class="muted">${t('search.hint')}</p>`}</div></div>`);
  $('#search-again', main).addEventListener('submit', e => {
    e.preventDefault();
    const again = $('#search-again-input', main).value.trim();
    if (again) navigate(`/p/${encodeURIComponent(pid)}/search?q=${encodeURIComponent(again)}`);
  });
  if (!q) return;
  const host = $('#search-results', main);
  try {
    showResults(host, pid, q, await get(`/api/partnerships/${pid}/search?q=${encodeURIComponent(q)}`));
  } catch (e) {
    if (!e.status || e.status >= 500 || e.status === 404) throw e;
    mount(host, html`<p class="notice error" role="alert">${e.message}</p>`);
  }
}

function showResults(host, pid, q, results) {
  const groups = results.groups.filter(g => g.hits.length > 0);
  const total = groups.reduce((n, g) => n + g.hits.length, 0);
  if (total === 0) {
    mount(host, html`<p class="empty search-none" role="status">${t('search.none', { q })}</p>`);
    return;
  }
  mount(host, html`<p class="muted search-summary" role="status">${t('search.found', { n: total, q })}</p>`);
  for (const group of groups) host.append(groupSection(pid, group));
}

function groupSection(pid, group) {
  const section = document.createElement('section');
  section.className = 'card search-group';
  section.dataset.kind = group.kind;
  const id = `search-group-${group.kind}`;
  section.setAttribute('aria-labelledby', id);
  mount(section, html`<h2 id="${id}">${t(`search.kind.${group.kind}`)} <span class="count">${group.hits.length}${
    group.more ? '+' : ''}</span></h2><ul class="search-hits"></ul>${group.more
    ? html`<p class="muted search-more">${t('search.more', { n: group.hits.length })}</p>` : ''}`);
  const list = section.querySelector('ul');
  for (const hit of group.hits) list.append(hitItem(pid, hit));
  return section;
}

function hitItem(pid, hit) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'search-hit';
  link.href = hrefOf(pid, hit);
  const part = t(`search.part.${hit.part}`);
  if (part !== `search.part.${hit.part}`) {
    const label = document.createElement('small');
    label.textContent = part;
    link.append(label);
  }
  link.append(marked(hit.title, hit.titleMarks));
  item.append(link);
  if (hit.snippet) {
    const snippet = document.createElement('p');
    snippet.className = 'search-snippet';
    snippet.append(marked(hit.snippet, hit.snippetMarks));
    item.append(snippet);
  }
  if (hit.line) {
    const where = document.createElement('div');
    where.className = 'search-where';
    where.textContent = [t('search.line', { line: hit.line }),
      hit.heading ? t('search.under', { heading: hit.heading }) : ''].filter(Boolean).join(' · ');
    item.append(where);
  }
  return item;
}
