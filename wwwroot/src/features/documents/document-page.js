// The document page's parts that need nothing of its live editing: its markup, its tabs, the empty text's hint,
// links to action items in the preview, and ticking task lines from the preview.
import { html, $ } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { arrowTabs } from '../../core/tabs.js';
import { taskMarks } from '../../editor/tasks.js';

export const narrowWindow = window.matchMedia('(max-width: 900px)');

/** The page: head, editor, and the side with preview, comments and history (the editor's tab on narrow windows). */
export function documentPage(pid, narrow) {
  return html`<div class="doc-page" data-pane="${narrow ? 'edit' : 'preview'}">
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
          <button type="button" role="tab" id="tab-preview" aria-selected="true"
            aria-controls="preview-pane">${t('docs.preview')}</button>
          <button type="button" role="tab" id="tab-comments" aria-selected="false"
            aria-controls="comments">${t('comments.title')} <span class="count" id="comment-count"></span></button>
          <button type="button" role="tab" id="tab-history" aria-selected="false"
            aria-controls="history">${t('history.title')}</button>
        </div>
        <section class="doc-preview" id="preview-pane" role="tabpanel" tabindex="0"
          aria-label="${t('docs.preview')}"><p class="muted" id="preview-cut" hidden></p>
          <div class="markdown" id="preview"></div></section>
        <section class="doc-comments" id="comments" role="tabpanel" aria-label="${t('comments.title')}"
          hidden></section>
        <section class="doc-history" id="history" role="tabpanel" aria-label="${t('history.title')}" hidden></section>
      </div>
    </div></div>`;
}

/**
 * Side by side on wide windows; on narrow ones the editor is a tab of its own beside preview, comments and history.
 * Returns showTab(name) and showComment(passage), which opens the comments on the open comment about a passage.
 */
export function documentTabs(main, historyTab, focusEditor) {
  const showTab = name => {
    $('.doc-page', main).dataset.pane = name;
    $('#tab-edit', main).setAttribute('aria-selected', String(name === 'edit'));
    const panes = [['#tab-preview', '#preview-pane'], ['#tab-comments', '#comments'], ['#tab-history', '#history']];
    for (const [tab, pane] of panes) {
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
  $('#tab-edit', main).addEventListener('click', () => { showTab('edit'); focusEditor(); });
  $('#tab-preview', main).addEventListener('click', () => showTab('preview'));
  $('#tab-comments', main).addEventListener('click', () => showTab('comments'));
  $('#tab-history', main).addEventListener('click', () => { showTab('history'); historyTab.show(); });
  return { showTab, showComment };
}

/** A task checkbox ticked in the preview (by an editor) edits its Markdown line in the editor view(). */
export function tickTaskLinesFromPreview(preview, editable, view) {
  preview.addEventListener('click', e => {
    const box = e.target.closest('input[type=checkbox]');
    if (!box || !editable) return;
    e.preventDefault();
    const boxes = [...preview.querySelectorAll('input[type=checkbox]')];
    const text = view().state.doc.toString();
    const marks = taskMarks(text);
    // Only when preview and source agree on the task lines, so the right line is changed.
    if (marks.length !== boxes.length) return;
    const at = marks[boxes.indexOf(box)];
    view().dispatch({ changes: { from: at, to: at + 1, insert: text[at] === ' ' ? 'x' : ' ' } });
    box.checked = text[at] === ' ';
  });
}

/** What an empty document shows: a few Markdown marks and the task-line syntax. */
export function emptyHint() {
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
export function linkItemReferences(root, pid) {
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
