// Plan & documents: the list of a partnership's documents, and the live Markdown editor.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { placeholder } from '@codemirror/view';
import { markdown } from '@codemirror/lang-markdown';
import { html, mount, $, toast } from '../../core/dom.js';
import { t, addMessages, formatDateTime, formatNumber } from '../../core/i18n.js';
import { get, post, patch, del } from '../../core/api.js';
import { openPartnership, can, session } from '../../core/session.js';
import { subscribeDocuments } from '../../core/documentsLive.js';
import { styleNonce } from '../../core/csp.js';
import { navigate } from '../../core/router.js';
import { updateNav } from '../../core/nav.js';
import { initials } from '../../core/people.js';
import { coEditing, coEditingOf } from '../../editor/co-editing.js';
import { describeHubError } from '../../core/errors.js';
import { mountComments } from './comments.js';
import { mountHistory } from './history.js';
import { showServerBehind } from './server-behind.js';
import { commentedPassages, setCommentPassages, commentAt } from '../../editor/commented.js';
import { taskMarks as taskLineMarks, membersChanged } from '../../editor/task-marks.js';
import { documentTemplates, templateText } from './templates.js';
import { documentMessages } from './documents-i18n.js';
import { linkBackToMeeting, groupMeetingDocuments } from '../../core/document-origins.js';
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
      ${docs.length === 0 ? html`<p class="empty">${t('docs.none')}</p>` : html`<ul
        class="doc-list">${docs.map(d => html`
        <li class="card"><a href="/p/${pid}/docs/${d.id}"
          title="${d.title}">${d.title}</a> <small>${t('docs.updated', { when: formatDateTime(d.updatedAt) })}</small>
          ${editable ? html`<span class="actions"><button class="link" data-rename="${d.id}"
            data-title="${d.title}">${t('docs.rename')}</button> <button class="link danger" data-delete="${d.id}"
            data-title="${d.title}">${t('docs.delete')}</button></span>` : ''}</li>`)}</ul>`}`);
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
      if (!title) return;
      await patch(`/api/partnerships/${pid}/documents/${b.dataset.rename}`, { title })
        .catch(err => toast(err.message, 'error'));
    }));
    main.querySelectorAll('[data-delete]').forEach(b => b.addEventListener('click', async () => {
      if (!confirm(t('docs.confirmDelete', { title: b.dataset.title }))) return;
      await del(`/api/partnerships/${pid}/documents/${b.dataset.delete}`).catch(err => toast(err.message, 'error'));
    }));
    await groupMeetingDocuments(main, pid);
  };
  await draw();
  const live = subscribeDocuments({
    handlers: { DocumentChanged: () => draw() },
    onConnected: () => active && live.connection.invoke('WatchDocuments', pid),
  });
  return () => {
    active = false;
    live.unsubscribe();
    // The connection stays for the next page: stop this list's pushes on it.
    if (live.connection.state === 'Connected') live.connection.invoke('UnwatchDocuments', pid).catch(() => {});
  };
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

/** One document: the editor (co-edited, see editor/co-editing.js) beside preview, comments and history. */
export async function renderDocument({ pid, docId }, main) {
  await openPartnership(pid);
  if (!main.isConnected) return; // the person moved on (to another document, say) while this one loaded
  updateNav(pid);
  const editable = can('Editor');
  mount(main, documentPage(pid, narrowWindow.matches));
  linkBackToMeeting(main, pid, docId);
  const historyTab = mountHistory($('#history', main), { pid, docId });
  let view;
  const { showTab, showComment } = documentTabs(main, historyTab, () => view.focus());
  const preview = previewOf(main, pid, editable, () => view.state.doc.toString());
  let openPassages = []; // the open comments' passages ({ text, near }), tinted in the editor
  view = new EditorView({
    parent: $('#editor', main),
    state: EditorState.create({
      doc: '',
      extensions: [
        basicSetup, markdown(), EditorView.lineWrapping, commentedPassages,
        taskLineMarks(() => session.partnership?.members ?? null),
        EditorView.cspNonce.of(styleNonce()), EditorView.contentAttributes.of({ 'aria-label': t('docs.text') }),
        // Clicking a tinted passage shows the comment about it.
        EditorView.domEventHandlers({
          click: (e, v) => { showComment(commentAt(v.state, v.posAtCoords({ x: e.clientX, y: e.clientY }) ?? -1)); },
        }),
        editable ? placeholder(emptyHint()) : [],
        coEditing(docId, {
          editable, ...editorCallbacks(main, editable, () => view),
          onChange: () => { preview(); historyTab.changed(); },
          onReset: preview,
          resetEffects: () => setCommentPassages.of(openPassages),
          // A signed agreement changes through an amendment, started from its agreement's page.
          refusalLink: code => (code === 'agreementSigned'
            ? { href: `/p/${pid}/agreements`, label: t('docs.amendmentsLink') } : null),
        }),
      ],
    }),
  });
  // Handles in task lines are checked against the members as they are now, not as when the partnership was first
  // opened.
  openPartnership(pid, { force: true }).then(() => view.dispatch({ effects: membersChanged.of(null) })).catch(() => {});
  tickTaskLinesFromPreview($('#preview', main), editable, () => view);
  const live = subscribeDocuments({ handlers: { DocumentChanged: d => {
    if (d.id !== docId) return;
    $('#doc-title', main).textContent = d.title;
    if (d.deleted) toast(t('docs.deleted'), 'error');
  } } });
  const stopComments = await mountComments($('#comments', main), {
    pid, docId,
    quote: () => { const sel = view.state.selection.main; return view.state.sliceDoc(sel.from, sel.to); },
    anchor: () => coEditingOf(view).selectionInServerText(),
    reveal: text => revealPassage(view, text, () => showTab('edit')),
    onCount: n => { $('#comment-count', main).textContent = n > 0 ? String(n) : ''; },
    onOpenPassages: passages => {
      openPassages = passages;
      if (view.dom.isConnected) view.dispatch({ effects: setCommentPassages.of(passages) });
    },
  }).catch(() => () => {});
  return () => { stopComments(); live.unsubscribe(); view.destroy(); };
}

/** What the document page shows of the co-editing: title, who is here, saved or not, refusals, a server behind. */
function editorCallbacks(main, editable, view) {
  let opened = false;
  return {
    onOpen: state => {
      $('#doc-title', main).textContent = state.document.title;
      document.title = `${state.document.title} · ${t('shell.brand')}`;
      startFromTemplate(view(), editable);
      if (!opened) goToLine(view());
      opened = true;
    },
    onOpenFailed: e => toast(describeHubError(e), 'error'),
    onStatus: ({ state, pending: n }) => {
      const el = $('#sync', main);
      if (!el) return;
      el.dataset.state = state;
      el.textContent = { offline: n > 0 ? t('docs.offline', { n }) : t('docs.offlineSaved'), loading: t('docs.loading'),
        saving: t('docs.saving'), saved: t('docs.saved') }[state];
    },
    onPeople: people => {
      const host = $('#presence', main);
      mount(host, html`${people.map(p => html`
        <span class="avatar" data-colour="${p.colour}" title="${p.name}">${initials(p.name)}</span>`)}`);
      // Set through the DOM: a style attribute in markup would be refused by the Content-Security-Policy.
      for (const avatar of host.querySelectorAll('[data-colour]')) avatar.style.background = avatar.dataset.colour;
    },
    // `partly`: a part of a large edit was refused after the parts before it were saved.
    onRejected: error => toast(t(error.partly ? 'docs.rejectedPart' : 'docs.rejected',
      { message: describeHubError(error) }), 'error'),
    onServerBehind: copy => {
      const restore = editable ? text => coEditingOf(view()).replaceText(text) : null;
      showServerBehind($('.doc-page', main), copy, `${$('#doc-title', main)?.textContent || 'document'}.md`, restore);
    },
  };
}

/** A search result opens its document at the line where it matched (`?line=N`), once, when the text is first here. */
function goToLine(view) {
  const line = Number(new URLSearchParams(location.search).get('line'));
  if (!Number.isInteger(line) || line < 1 || line > view.state.doc.lines) return;
  const at = view.state.doc.line(line).from;
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
}

// The server renders at most this many UTF-16 units (MarkdownRenderer.MaxLength); a longer text is previewed up to it.
const previewMax = 200_000;

/** The first previewMax units of text, not splitting a character made of two; the note above the preview says so. */
function previewedPart(main, text) {
  const cut = $('#preview-cut', main);
  cut.hidden = text.length <= previewMax;
  if (cut.hidden) return text;
  cut.textContent = t('docs.previewCut', { n: formatNumber(previewMax) });
  const high = text.charCodeAt(previewMax - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? previewMax - 1 : previewMax;
  return text.slice(0, end);
}

/** The preview, drawn by the server a moment after the text stops changing; returns the function that asks for it. */
function previewOf(main, pid, editable, text) {
  let timer = null;
  let asked = 0;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      // Answers can come back out of order (the first render after a restart is slow): only the latest is drawn.
      const mine = ++asked;
      try {
        const markdown = previewedPart(main, text());
        const { html: rendered } = await post(`/api/partnerships/${pid}/markdown/preview`, { markdown });
        if (mine !== asked) return;
        $('#preview', main).innerHTML = rendered; // sanitised on the server (Markdig without HTML + HtmlSanitizer)
        linkItemReferences($('#preview', main), pid);
        // Task checkboxes in the preview can be ticked by editors: the click edits the Markdown line.
        const boxes = editable ? $('#preview', main).querySelectorAll('input[type=checkbox]') : [];
        for (const box of boxes) box.disabled = false;
      } catch { /* offline: the preview waits */ }
    }, 250);
  };
}

/** Selects a commented passage: where it went as the document changed; else where that text is now. */
function revealPassage(view, text, showEditor) {
  const passage = view.state.field(commentedPassages).get(text);
  const at = passage?.from ?? view.state.doc.toString().indexOf(text);
  if (at < 0) return false;
  if (narrowWindow.matches) showEditor();
  view.dispatch({ selection: { anchor: at, head: passage?.to ?? at + text.length }, scrollIntoView: true });
  view.focus();
  return true;
}

// A document just made from a template gets its text as this editor's first edit (so it is saved like any other).
function startFromTemplate(view, editable) {
  const key = new URLSearchParams(location.search).get('template');
  if (!key) return;
  history.replaceState(null, '', location.pathname);
  const text = templateText(key);
  if (text && editable && view.state.doc.length === 0) view.dispatch({ changes: { from: 0, insert: text } });
}
