// The partnership's shared files, newest first: upload (button, or drop on a desktop) with a progress bar per file
// and a way to cancel, download, copy a Markdown link, delete (the uploader or an owner). Live: a partner's upload or
// deletion redraws the list.
import { html, mount, toast, keepFocus, $, announce } from '../../core/dom.js';
import { t, formatDateTime } from '../../core/i18n.js';
import { get, del } from '../../core/api.js';
import { openPartnership, can, session } from '../../core/session.js';
import { formDialog } from '../../core/dialog.js';
import { watchPartnership, refreshOn } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';
import { uploadFile } from './upload.js';
import { formatBytes } from '../../core/bytes.js';
import './i18n.js';

export async function renderFiles({ pid }, main) {
  await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  let list = { files: [], usedBytes: 0, quotaBytes: 0, maxBytes: 0 };
  mount(main, html`
    <div class="page-head"><h1 id="page-title" tabindex="-1">${t('files.title')}</h1></div>
    <p class="muted">${t('files.intro')}</p>
    ${can('Commenter') ? html`<section class="card drop-zone" id="drop-zone">
        <input type="file" id="file-input" multiple hidden>
        <button type="button" class="primary" id="upload-button">${t('files.upload')}</button>
        <span class="muted drop-hint">${t('files.drop')}</span>
        <ul class="upload-list" id="uploads"></ul>
      </section>` : html`<p class="notice">${t('files.viewerNote')}</p>`}
    <p class="muted" id="usage"></p>
    <div id="file-list"></div>`);
  const uploads = uploadArea(pid, main, () => list.maxBytes, () => refresh());
  const draw = () => keepFocus(main, () => {
    $('#usage', main).textContent = list.quotaBytes ? t('files.usage', {
      used: formatBytes(list.usedBytes), quota: formatBytes(list.quotaBytes), max: formatBytes(list.maxBytes),
    }) : '';
    mount($('#file-list', main), list.files.length === 0 ? html`<p class="empty">${t('files.none')}</p>`
      : html`<ul class="file-list">${list.files.map(f => row(pid, f))}</ul>`);
  });
  const refresh = async () => {
    list = await get(`/api/partnerships/${pid}/files`);
    if (main.isConnected) draw();
  };
  $('#file-list', main).addEventListener('click', e => {
    const copy = e.target.closest('[data-copy]');
    const remove = e.target.closest('[data-delete]');
    const file = list.files.find(f => f.id === (copy ?? remove)?.dataset[copy ? 'copy' : 'delete']);
    if (file && copy) copyLink(pid, file);
    if (file && remove) confirmDelete(pid, file, refresh);
  });
  const stop = await refreshOn(['file.added', 'file.deleted', '*resync'], refresh);
  return () => { stop(); uploads.cancelAll(); };
}

const contentUrl = (pid, f) => `/api/partnerships/${pid}/files/${f.id}/content`;

function mayDelete(f) {
  return can('Owner') || (can('Commenter') && f.uploadedByUserId === session.me?.id);
}

function row(pid, f) {
  return html`<li class="card file-row" data-file="${f.id}">
    <a class="file-name" href="${contentUrl(pid, f)}" download="${f.name}">${f.name}</a>
    <span class="muted file-meta"><span class="file-size">${formatBytes(f.size)}</span> ·
      ${t('files.by', { name: f.uploadedByName, party: f.partyName })} ·
      <time datetime="${f.uploadedAt}">${formatDateTime(f.uploadedAt)}</time></span>
    <span class="file-actions">
      <button type="button" class="link" data-copy="${f.id}">${t('files.copy')}</button>
      ${mayDelete(f) ? html`<button type="button" class="danger" data-delete="${f.id}"
        aria-label="${t('files.delete')}: ${f.name}">${t('files.delete')}</button>` : ''}
    </span>
  </li>`;
}

async function copyLink(pid, f) {
  const name = f.name.replace(/[[\]\\]/g, m => `\\${m}`);
  const link = `[${name}](${contentUrl(pid, f)})`;
  try {
    await navigator.clipboard.writeText(link);
    toast(t('files.copied'));
  } catch {
    window.prompt(t('files.copy'), link); // no clipboard permission: the person copies it themselves
  }
}

function confirmDelete(pid, f, refresh) {
  formDialog({
    title: t('files.deleteTitle', { name: f.name }), submitLabel: t('files.delete'), fields: [],
    note: t('files.deleteConfirm'),
    onSubmit: async () => {
      await del(`/api/partnerships/${pid}/files/${f.id}`);
      toast(t('files.deleted'));
      announce(t('files.deleted'));
      await refresh();
    },
  });
}

/** The upload button, drop zone and the list of uploads with their progress; `cancelAll` when the page closes. */
function uploadArea(pid, main, maxBytes, uploaded) {
  const zone = $('#drop-zone', main);
  const entries = [];
  if (!zone) return { cancelAll() {} };
  const input = $('#file-input', zone);
  const box = $('#uploads', zone);
  const draw = () => keepFocus(box, () => mount(box, html`${entries.map(uploadRow)}`));
  const start = files => {
    for (const file of files) {
      const entry = { key: `u${entries.length + 1}`, name: file.name, size: file.size, loaded: 0, state: 'sending' };
      entries.push(entry);
      if (maxBytes() && file.size > maxBytes()) {
        Object.assign(entry, { state: 'failed', error: t('files.tooLarge', { name: file.name,
          max: formatBytes(maxBytes()) }) });
        continue;
      }
      const sending = uploadFile(pid, file, loaded => { entry.loaded = loaded; draw(); });
      entry.abort = sending.abort;
      sending.done.then(() => {
        Object.assign(entry, { state: 'done', loaded: entry.size });
        announce(`${entry.name}: ${t('files.uploaded')}`);
        uploaded();
      }, e => Object.assign(entry, e?.cancelled ? { state: 'cancelled' } : { state: 'failed', error: e.message }))
        .finally(draw);
    }
    draw();
  };
  $('#upload-button', zone).addEventListener('click', () => input.click());
  input.addEventListener('change', () => { start([...input.files]); input.value = ''; });
  // Files dropped anywhere on the page are uploaded (the browser would otherwise leave the app to show them).
  const over = e => { e.preventDefault(); zone.classList.add('dragging'); };
  const leave = e => { if (!main.contains(e.relatedTarget)) zone.classList.remove('dragging'); };
  const drop = e => {
    e.preventDefault();
    zone.classList.remove('dragging');
    start([...(e.dataTransfer?.files ?? [])]);
  };
  main.addEventListener('dragover', over);
  main.addEventListener('dragleave', leave);
  main.addEventListener('drop', drop);
  box.addEventListener('click', e => {
    const button = e.target.closest('button[data-upload]');
    const index = entries.findIndex(x => x.key === button?.dataset.upload);
    if (index < 0) return;
    if (entries[index].state === 'sending') entries[index].abort?.();
    else entries.splice(index, 1);
    draw();
  });
  return {
    cancelAll() {
      entries.forEach(x => x.state === 'sending' && x.abort?.());
      main.removeEventListener('dragover', over);
      main.removeEventListener('dragleave', leave);
      main.removeEventListener('drop', drop);
    },
  };
}

function uploadRow(x) {
  const state = x.state === 'sending' ? t('files.uploading', { done: formatBytes(x.loaded), size: formatBytes(x.size) })
    : x.state === 'done' ? t('files.uploaded') : x.state === 'cancelled' ? t('files.cancelled') : x.error;
  return html`<li class="upload upload-${x.state}" data-key="${x.key}">
    <span class="upload-name">${x.name}</span>
    <progress max="${Math.max(x.size, 1)}" value="${x.state === 'done' ? Math.max(x.size, 1) : x.loaded}"
      aria-label="${t('files.progress', { name: x.name })}"></progress>
    <span class="upload-state" ${x.state === 'failed' ? 'role="alert"' : ''}>${state}</span>
    <button type="button" class="${x.state === 'sending' ? '' : 'link'}" data-upload="${x.key}">${
      t(x.state === 'sending' ? 'files.cancel' : 'files.dismiss')}</button>
  </li>`;
}
