// Plan & documents: the list of a partnership's documents, and the live Markdown editor.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Annotation, Compartment } from '@codemirror/state';
import { placeholder } from '@codemirror/view';
import { markdown } from '@codemirror/lang-markdown';
import { type } from 'ot-text-unicode';
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
import { documentMessages } from './documents-i18n.js';
import { linkBackToMeeting, groupMeetingDocuments } from '../features/meetings/notes.js';
import {
  narrowWindow, documentPage, documentTabs, tickTaskLinesFromPreview, emptyHint, linkItemReferences,
} from './document-page.js';

addMessages(documentMessages);

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
    await groupMeetingDocuments(main, pid);
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
  mount(main, documentPage(pid, narrowWindow.matches));
  linkBackToMeeting(main, pid, docId);
  const historyTab = mountHistory($('#history', main), { pid, docId });
  const { showTab, showComment } = documentTabs(main, historyTab, () => view.focus());

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

  tickTaskLinesFromPreview($('#preview', main), editable, () => view);

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

