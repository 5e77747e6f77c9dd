// Plan & documents: the list of a partnership's documents, and the live Markdown editor.
import { EditorView, basicSetup } from 'codemirror';
import { taskMarks } from '../editor/tasks.js';
import { EditorState, Annotation, Compartment } from '@codemirror/state';
import { placeholder } from '@codemirror/view';
import { markdown } from '@codemirror/lang-markdown';
import { type } from 'ot-text-unicode';
import { arrowTabs } from '../core/tabs.js';
import { html, mount, $, toast } from '../core/dom.js';
import { t, addMessages, formatDateTime } from '../core/i18n.js';
import { get, post, patch, del } from '../core/api.js';
import { openPartnership, can, session } from '../core/session.js';
import { hubConnection, keepConnected } from '../core/live.js';
import { styleNonce } from '../core/csp.js';
import { navigate } from '../core/router.js';
import { updateNav } from '../shell.js';
import { initials } from './partnership.js';
import { OtClient } from '../editor/ot-client.js';
import { hubError } from '../core/hub-error.js';
import { describeHubError } from '../core/errors.js';
import { mountComments } from './comments.js';
import { mountHistory } from './history.js';
import { changesToOp, opToChanges, toUtf16, toCodePoint, diffOp } from '../editor/unicode.js';
import { showServerBehind } from './server-behind.js';
import { remoteCursors, setRemoteCursors } from '../editor/remote-cursors.js';
import { commentedPassages, setCommentPassages, commentAt } from '../editor/commented.js';
import { taskMarks as taskLineMarks, membersChanged } from '../editor/task-marks.js';
import { documentTemplates, templateText } from './templates.js';

addMessages({
  en: {
    'docs.title': 'Plan & documents', 'docs.none': 'No documents yet.', 'docs.new': 'New document', 'docs.name': 'Title',
    'docs.create': 'Create', 'docs.rename': 'Rename', 'docs.delete': 'Delete', 'docs.updated': 'Updated {when}',
    'docs.confirmDelete': 'Delete “{title}”?', 'docs.newTitle': 'New title', 'docs.back': 'All documents',
    'docs.preview': 'Preview', 'docs.saved': 'Saved', 'docs.saving': 'Saving…', 'docs.offline': 'Offline — {n} changes pending',
    'docs.offlineSaved': 'Offline', 'docs.readOnly': 'Read only', 'docs.deleted': 'This document was deleted.',
    'docs.text': 'Document text',
    'docs.here': 'Here now', 'docs.rejected': 'A change was refused: {message}', 'docs.loading': 'Loading…', 'docs.openItem': 'Open action item A{number}',
    'docs.edit': 'Edit', 'docs.hint.title': 'Write in Markdown:',
    'docs.hint.md': '# Heading   ## Section   **bold**   _italic_   - list item   [link](https://…)',
    'docs.hint.task': 'A task line becomes an action item:', 'docs.hint.example': '- [ ] Title @handle due:2026-12-15',
  },
  id: {
    'docs.title': 'Rencana & dokumen', 'docs.none': 'Belum ada dokumen.', 'docs.new': 'Dokumen baru', 'docs.name': 'Judul',
    'docs.create': 'Buat', 'docs.rename': 'Ganti nama', 'docs.delete': 'Hapus', 'docs.updated': 'Diperbarui {when}',
    'docs.confirmDelete': 'Hapus “{title}”?', 'docs.newTitle': 'Judul baru', 'docs.back': 'Semua dokumen',
    'docs.preview': 'Pratinjau', 'docs.saved': 'Tersimpan', 'docs.saving': 'Menyimpan…', 'docs.offline': 'Offline — {n} perubahan belum terkirim',
    'docs.offlineSaved': 'Offline', 'docs.readOnly': 'Hanya baca', 'docs.deleted': 'Dokumen ini telah dihapus.',
    'docs.text': 'Teks dokumen',
    'docs.here': 'Sedang di sini', 'docs.rejected': 'Perubahan ditolak: {message}', 'docs.loading': 'Memuat…', 'docs.openItem': 'Buka tugas A{number}',
    'docs.edit': 'Sunting', 'docs.hint.title': 'Tulis dengan Markdown:',
    'docs.hint.md': '# Judul   ## Bagian   **tebal**   _miring_   - butir daftar   [tautan](https://…)',
    'docs.hint.task': 'Baris tugas menjadi tugas di papan:', 'docs.hint.example': '- [ ] Judul @nama due:2026-12-15',
  },
});

export async function renderDocuments({ pid }, main) {
  await openPartnership(pid);
  updateNav(pid);
  const editable = can('Editor');
  let active = true;
  const draw = async () => {
    const docs = await get(`/api/partnerships/${pid}/documents`);
    if (!active) return; // a push arrived after the user left this page
    mount(main, html`<h1>${t('docs.title')}</h1>
      ${editable ? newDocumentForm(docs.length === 0 ? 'plan' : 'blank') : ''}
      ${docs.length === 0 ? html`<p class="empty">${t('docs.none')}</p>` : html`<ul class="doc-list">${docs.map(d => html`
        <li class="card"><a href="/p/${pid}/docs/${d.id}" title="${d.title}">${d.title}</a> <small>${t('docs.updated', { when: formatDateTime(d.updatedAt) })}</small>
          ${editable ? html`<span class="actions"><button class="link" data-rename="${d.id}" data-title="${d.title}">${t('docs.rename')}</button> <button class="link danger" data-delete="${d.id}" data-title="${d.title}">${t('docs.delete')}</button></span>` : ''}</li>`)}</ul>`}`);
    const form = $('#new-doc', main);
    // The title follows the chosen template until the person types one of their own.
    const labelOf = key => (key === 'blank' ? '' : documentTemplates().find(x => x.key === key).label);
    form?.elements.template.addEventListener('change', () => {
      const title = form.elements.title;
      const untouched = !title.value.trim() || documentTemplates().some(x => x.label === title.value);
      if (untouched) title.value = labelOf(form.elements.template.value);
    });
    form?.addEventListener('submit', async e => {
      e.preventDefault();
      const template = form.elements.template.value;
      const title = form.elements.title.value.trim() || documentTemplates().find(x => x.key === template)?.label;
      try {
        const body = { title: template === 'blank' ? form.elements.title.value : title };
        const created = await post(`/api/partnerships/${pid}/documents`, body);
        navigate(`/p/${pid}/docs/${created.id}${template === 'blank' ? '' : `?template=${template}`}`);
      } catch (err) { toast(err.message, 'error'); }
    });
    main.querySelectorAll('[data-rename]').forEach(b => b.addEventListener('click', async () => {
      const title = prompt(t('docs.newTitle'), b.dataset.title);
      if (title) await patch(`/api/partnerships/${pid}/documents/${b.dataset.rename}`, { title }).catch(err => toast(err.message, 'error'));
    }));
    main.querySelectorAll('[data-delete]').forEach(b => b.addEventListener('click', async () => {
      if (confirm(t('docs.confirmDelete', { title: b.dataset.title }))) await del(`/api/partnerships/${pid}/documents/${b.dataset.delete}`).catch(err => toast(err.message, 'error'));
    }));
  };
  await draw();
  const connection = hubConnection('/hubs/documents');
  connection.on('DocumentChanged', () => draw());
  const stop = keepConnected(connection, () => {}, () => connection.invoke('WatchDocuments', pid));
  return () => { active = false; stop(); };
}

/** "New document": a template (the joint plan first) and a title. A partnership's first document starts as the plan. */
function newDocumentForm(chosen) {
  const templates = documentTemplates();
  return html`<form id="new-doc" class="inline-form card new-doc"><h2 class="new-doc-head">${t('docs.new')}</h2>
    <label>${t('template.label')}<select name="template">${[...templates.slice(1), templates[0]].map(x => html`
      <option value="${x.key}" ${x.key === chosen ? 'selected' : ''}>${x.label}</option>`)}</select></label>
    <label>${t('docs.name')}
      <input name="title" maxlength="200" value="${chosen === 'blank' ? '' : t(`template.${chosen}`)}"></label>
    <button class="primary">${t('docs.create')}</button></form>`;
}

const remote = Annotation.define();

export async function renderDocument({ pid, docId }, main) {
  await openPartnership(pid);
  if (!main.isConnected) return; // the person moved on (to another document, say) while this one loaded
  updateNav(pid);
  const editable = can('Editor');
  mount(main, html`<div class="doc-page" data-pane="${narrowWindow.matches ? 'edit' : 'preview'}">
    <div class="doc-head">
      <a href="/p/${pid}/docs" class="back">← ${t('docs.back')}</a>
      <h1 id="doc-title">…</h1>
      <span class="spacer"></span>
      <div class="presence" id="presence" role="group" aria-label="${t('docs.here')}"></div>
      <span class="sync" id="sync" role="status" data-state="loading">${t('docs.loading')}</span>
    </div>
    <div class="doc-panes">
      <div class="doc-editor" id="editor"></div>
      <div class="doc-side">
        <div class="tabs" role="tablist">
          <button type="button" role="tab" id="tab-edit" aria-selected="false" aria-controls="editor">
            ${t('docs.edit')}</button>
          <button type="button" role="tab" id="tab-preview" aria-selected="true" aria-controls="preview-pane">${t('docs.preview')}</button>
          <button type="button" role="tab" id="tab-comments" aria-selected="false" aria-controls="comments">${t('comments.title')} <span class="count" id="comment-count"></span></button>
          <button type="button" role="tab" id="tab-history" aria-selected="false" aria-controls="history">${t('history.title')}</button>
        </div>
        <section class="doc-preview" id="preview-pane" role="tabpanel" tabindex="0"
          aria-label="${t('docs.preview')}"><div class="markdown" id="preview"></div></section>
        <section class="doc-comments" id="comments" role="tabpanel" aria-label="${t('comments.title')}" hidden></section>
        <section class="doc-history" id="history" role="tabpanel" aria-label="${t('history.title')}" hidden></section>
      </div>
    </div></div>`);
  const historyTab = mountHistory($('#history', main), { pid, docId });
  // Side by side on wide windows; on narrow ones the editor is a tab of its own beside preview, comments and history.
  const showTab = name => {
    $('.doc-page', main).dataset.pane = name;
    $('#tab-edit', main).setAttribute('aria-selected', String(name === 'edit'));
    for (const [tab, pane] of [['#tab-preview', '#preview-pane'], ['#tab-comments', '#comments'], ['#tab-history', '#history']]) {
      const on = tab === `#tab-${name}`;
      $(tab, main).setAttribute('aria-selected', String(on));
      if (name !== 'edit') $(pane, main).hidden = !on; // the side keeps its last pane for when the window widens
    }
  };
  if (narrowWindow.matches) showTab('edit');
  arrowTabs($('.tabs', main));
  const showComment = passage => {
    if (passage == null) return;
    showTab('comments');
    for (const item of main.querySelectorAll('#comments .comment')) {
      const on = item.querySelector('.quote')?.dataset.passage === passage && !item.classList.contains('resolved');
      item.classList.toggle('focused', on);
      if (on) item.scrollIntoView({ block: 'nearest' });
    }
  };
  $('#tab-edit', main).addEventListener('click', () => { showTab('edit'); view.focus(); });
  $('#tab-preview', main).addEventListener('click', () => showTab('preview'));
  $('#tab-comments', main).addEventListener('click', () => showTab('comments'));
  $('#tab-history', main).addEventListener('click', () => { showTab('history'); historyTab.show(); });

  const connection = hubConnection('/hubs/documents');
  // Read only until the server's text has arrived, so nothing is typed into a text about to be replaced.
  const writable = new Compartment();
  const presence = new Map(); // connectionId -> { name, colour, userId, anchor, head } in code points of the local text
  let view;
  let openPassages = []; // the open comments' passages ({ text, near }), tinted in the editor
  let client;

  const renderCursors = () => {
    const text = client.text;
    const cursors = [...presence.entries()].map(([id, p]) => {
      const a = toUtf16(text, p.anchor), h = toUtf16(text, p.head);
      return { id, name: p.name, colour: p.colour, from: Math.min(a, h), to: Math.max(a, h), head: h };
    });
    view.dispatch({ effects: setRemoteCursors.of(cursors), annotations: remote.of(true) });
    const people = new Map();
    for (const p of presence.values()) people.set(p.userId, p);
    mount($('#presence', main), html`${[...people.values()].map(p => html`<span class="avatar" data-colour="${p.colour}" title="${p.name}">${initials(p.name)}</span>`)}`);
    // Set through the DOM: a style attribute in markup would be refused by the Content-Security-Policy.
    for (const avatar of $('#presence', main).querySelectorAll('[data-colour]')) avatar.style.background = avatar.dataset.colour;
  };
  const moveCursors = op => {
    for (const p of presence.values()) [p.anchor, p.head] = type.transformSelection([p.anchor, p.head], op);
  };

  let previewTimer = null;
  const schedulePreview = () => {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(async () => {
      try {
        const { html: rendered } = await post(`/api/partnerships/${pid}/markdown/preview`, { markdown: client.text });
        $('#preview', main).innerHTML = rendered; // sanitised on the server (Markdig without HTML + HtmlSanitizer)
        linkItemReferences($('#preview', main), pid);
        // Task checkboxes in the preview can be ticked by editors: the click edits the Markdown line.
        if (editable) for (const box of $('#preview', main).querySelectorAll('input[type=checkbox]')) box.disabled = false;
      } catch { /* offline: the preview waits */ }
    }, 250);
  };

  let presenceAfterSave = false; // a cursor move waits for this editor's edits to be saved (see sendPresence)
  const status = () => {
    const el = $('#sync', main);
    if (!el) return;
    const n = client.pendingEdits;
    if (presenceAfterSave && n === 0) sendPresence();
    // "Saved" only once the server's text is here: before that nothing is known to be saved.
    const state = !client.online ? 'offline' : !client.opened ? 'loading' : n > 0 ? 'saving' : 'saved';
    el.dataset.state = state;
    el.textContent = { offline: n > 0 ? t('docs.offline', { n }) : t('docs.offlineSaved'), loading: t('docs.loading'), saving: t('docs.saving'), saved: t('docs.saved') }[state];
    const readOnly = !editable || !client.opened;
    if (view && readOnly !== view.state.readOnly) view.dispatch({ effects: writable.reconfigure(EditorState.readOnly.of(readOnly)) });
  };

  client = new OtClient(connection, docId, {
    onRemote(op, before) {
      view.dispatch({ changes: opToChanges(op, before), annotations: remote.of(true) });
      moveCursors(op);
      renderCursors();
      schedulePreview();
      historyTab.changed();
    },
    onReset(text) {
      if (view.state.doc.toString() !== text) {
        // A whole new text: the commented passages are looked for again in it.
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: setCommentPassages.of(openPassages), annotations: remote.of(true) });
      }
      schedulePreview();
    },
    onStatus: status,
    onRejected(error) { toast(t('docs.rejected', { message: describeHubError(error) }), 'error'); },
    onServerBehind(copy) {
      const restore = editable ? text => {
        const before = view.state.doc.toString();
        view.dispatch({ changes: opToChanges(diffOp(before, text), before) }); // an ordinary edit, sent to everyone
      } : null;
      showServerBehind($('.doc-page', main), copy, `${$('#doc-title', main)?.textContent || 'document'}.md`, restore);
    },
  });

  let presenceTimer = null;
  const sendPresence = () => {
    clearTimeout(presenceTimer);
    presenceTimer = setTimeout(() => {
      if (!client.online || !client.opened) return;
      // The cursor is given in the server's text at this editor's revision. Edits still on their way are not in
      // it yet, and the server would move the cursor through them once more: wait for them (status() sends it).
      presenceAfterSave = client.pendingEdits > 0;
      if (presenceAfterSave) return;
      const sel = view.state.selection.main;
      const text = client.text;
      connection.invoke('UpdatePresence', docId, client.revision, toCodePoint(text, sel.anchor), toCodePoint(text, sel.head)).catch(() => {});
    }, 60);
  };

  view = new EditorView({
    parent: $('#editor', main),
    state: EditorState.create({
      doc: '',
      extensions: [
        basicSetup, markdown(), EditorView.lineWrapping, remoteCursors, commentedPassages,
        taskLineMarks(() => session.partnership?.members ?? null),
        EditorView.cspNonce.of(styleNonce()), EditorView.contentAttributes.of({ 'aria-label': t('docs.text') }),
        // Clicking a tinted passage shows the comment about it.
        EditorView.domEventHandlers({ click: (e, v) => { showComment(commentAt(v.state, v.posAtCoords({ x: e.clientX, y: e.clientY }) ?? -1)); } }),
        writable.of(EditorState.readOnly.of(true)),
        editable ? placeholder(emptyHint()) : [],
        EditorView.updateListener.of(u => {
          const isRemote = u.transactions.some(tr => tr.annotation(remote));
          if (u.docChanged && !isRemote) {
            const op = changesToOp(u.changes, u.startState.doc.toString());
            client.edit(op);
            moveCursors(op);
            renderCursors();
            schedulePreview();
            historyTab.changed();
          }
          if ((u.selectionSet || u.docChanged) && !isRemote) sendPresence();
        }),
      ],
    }),
  });
  // Handles in task lines are checked against the members as they are now, not as when the partnership was first opened.
  openPartnership(pid, { force: true }).then(() => view.dispatch({ effects: membersChanged.of(null) })).catch(() => {});

  $('#preview', main).addEventListener('click', e => {
    const box = e.target.closest('input[type=checkbox]');
    if (!box || !editable) return;
    e.preventDefault();
    const boxes = [...$('#preview', main).querySelectorAll('input[type=checkbox]')];
    const text = view.state.doc.toString();
    const marks = taskMarks(text);
    // Only when preview and source agree on the task lines, so the right line is changed.
    if (marks.length !== boxes.length) return;
    const at = marks[boxes.indexOf(box)];
    view.dispatch({ changes: { from: at, to: at + 1, insert: text[at] === ' ' ? 'x' : ' ' } });
    box.checked = text[at] === ' ';
  });

  connection.on('PresenceChanged', p => {
    if (p.documentId !== docId) return;
    let { anchor, head } = p;
    if (p.revision === client.revision) {
      // Server coordinates: move them over my unacknowledged edits.
      for (const pending of [client.inflight?.op, client.buffer?.op]) if (pending) [anchor, head] = type.transformSelection([anchor, head], pending);
    }
    presence.set(p.connectionId, { name: p.name, colour: p.colour, userId: p.userId, anchor, head });
    renderCursors();
  });
  connection.on('PresenceRemoved', (id, connectionId) => { if (id === docId) { presence.delete(connectionId); renderCursors(); } });
  connection.on('DocumentChanged', d => {
    if (d.id !== docId) return;
    $('#doc-title', main).textContent = d.title;
    if (d.deleted) toast(t('docs.deleted'), 'error');
  });

  // A document just made from a template gets its text as this editor's first edit (so it is saved like any other).
  const startFromTemplate = () => {
    const key = new URLSearchParams(location.search).get('template');
    if (!key) return;
    history.replaceState(null, '', location.pathname);
    const text = templateText(key);
    if (text && editable && view.state.doc.length === 0) {
      view.dispatch({ changes: { from: 0, insert: text } });
    }
  };
  let openFailures = 0;
  let reopenTimer = null;
  const onConnected = async () => {
    clearTimeout(reopenTimer);
    try {
      const state = await client.open();
      openFailures = 0;
      $('#doc-title', main).textContent = state.document.title;
      document.title = `${state.document.title} · ${t('shell.brand')}`;
      presence.clear();
      for (const p of state.presence) presence.set(p.connectionId, { name: p.name, colour: p.colour, userId: p.userId, anchor: p.anchor, head: p.head });
      renderCursors();
      sendPresence();
      startFromTemplate();
    } catch (e) {
      const error = hubError(e);
      toast(describeHubError(e), 'error');
      // A passing fault (the server reloading the document, say): try again while connected, backing off.
      // An unknown document (deleted, or no longer shared with you) stays as it is.
      if (error?.code !== 'unknownDocument' && connection.state === 'Connected') {
        reopenTimer = setTimeout(onConnected, Math.min(30_000, 1000 * 2 ** Math.min(openFailures++, 5)));
      }
    }
    status();
  };
  const stop = keepConnected(connection, () => status(), onConnected);
  const stopComments = await mountComments($('#comments', main), {
    pid, docId,
    quote: () => { const sel = view.state.selection.main; return view.state.sliceDoc(sel.from, sel.to); },
    // Where the selected passage (trimmed, as quoted) is in the server's text at the revision this editor has:
    // edits of this editor still on their way are stepped back over (the server moves the passage through them).
    anchor: () => {
      if (!client.opened) return null;
      const sel = view.state.selection.main;
      const raw = view.state.sliceDoc(sel.from, sel.to);
      const from = sel.from + raw.length - raw.trimStart().length, to = sel.to - (raw.length - raw.trimEnd().length);
      if (to <= from) return null;
      const text = view.state.doc.toString();
      const passage = client.confirmedPassage(toCodePoint(text, from), toCodePoint(text, to));
      return passage && { revision: client.revision, ...passage };
    },
    reveal: text => {
      // Where the passage went as the document changed; else where that text is now.
      const passage = view.state.field(commentedPassages).get(text);
      const at = passage?.from ?? view.state.doc.toString().indexOf(text);
      if (at < 0) return false;
      if (narrowWindow.matches) showTab('edit');
  arrowTabs($('.tabs', main));
      view.dispatch({ selection: { anchor: at, head: passage?.to ?? at + text.length }, scrollIntoView: true });
      view.focus();
      return true;
    },
    onCount: n => { $('#comment-count', main).textContent = n > 0 ? String(n) : ''; },
    onOpenPassages: passages => {
      openPassages = passages;
      if (view.dom.isConnected) view.dispatch({ effects: setCommentPassages.of(passages) });
    },
  }).catch(() => () => {});

  // Going offline: drop the socket at once so edits queue visibly; coming back: reconnect now.
  const offline = () => { connection.stop(); status(); };
  const online = () => { if (connection.state === 'Disconnected') connection.start().then(onConnected, () => {}); };
  const beforeUnload = e => { if (client.pendingEdits > 0) { e.preventDefault(); e.returnValue = ''; } };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  window.addEventListener('beforeunload', beforeUnload);
  const heartbeat = setInterval(sendPresence, 20000);

  return () => {
    clearInterval(heartbeat);
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
    window.removeEventListener('beforeunload', beforeUnload);
    clearTimeout(reopenTimer);
    client.close();
    stopComments();
    stop();
    view.destroy();
  };
}

const narrowWindow = window.matchMedia('(max-width: 900px)');

/** What an empty document shows: a few Markdown marks and the task-line syntax. */
function emptyHint() {
  const box = document.createElement('div');
  box.className = 'empty-hint';
  const line = (text, className) => {
    const p = document.createElement('p');
    p.textContent = text;
    if (className) p.className = className;
    box.append(p);
  };
  line(t('docs.hint.title'));
  const marks = document.createElement('p');
  for (const mark of t('docs.hint.md').split(/\s{3,}/)) {
    const code = document.createElement('span');
    code.className = 'hint-code';
    code.textContent = mark;
    marks.append(code, ' ');
  }
  box.append(marks);
  line(t('docs.hint.task'));
  line(t('docs.hint.example'), 'hint-code');
  return box;
}

/** Turns each "#A12" in the rendered preview into a link to that action item. */
function linkItemReferences(root, pid) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest('code, pre, a') && /(^|\s)#A\d+(?=\s|$)/.test(node.nodeValue)) found.push(node);
  }
  for (const node of found) {
    const parts = node.nodeValue.split(/((?:^|(?<=\s))#A\d+(?=\s|$))/);
    node.replaceWith(...parts.filter(Boolean).map(part => {
      const m = /^#A(\d+)$/.exec(part);
      if (!m) return document.createTextNode(part);
      const a = document.createElement('a');
      a.className = 'item-ref';
      a.href = `/p/${pid}/actions?item=${m[1]}`;
      a.textContent = `A${m[1]}`;
      a.title = t('docs.openItem', { number: m[1] });
      return a;
    }));
  }
}
