// Comments on a document (the commenter role's work): a list beside the editor, live for every party.
// A comment can quote the passage selected in the editor; anyone who may comment resolves or reopens
// it; its author (or an owner) deletes it.
import { html, mount, $, $$, toast } from '../../core/dom.js';
import { t, addMessages, formatDateTime } from '../../core/i18n.js';
import { get, post, del } from '../../core/api.js';
import { session, can, myMembership } from '../../core/session.js';
import { watchPartnership, follow } from '../../core/partnershipLive.js';
import { initials } from '../../core/people.js';

addMessages({
  en: {
    'comments.title': 'Comments', 'comments.none': 'No comments yet.', 'comments.add': 'Add a comment',
    'comments.send': 'Comment', 'comments.on': 'On', 'comments.resolve': 'Resolve', 'comments.reopen': 'Reopen',
    'comments.delete': 'Delete', 'comments.resolvedBy': 'Resolved by {name}',
    'comments.confirmDelete': 'Delete this comment?',
    'comments.readOnly': 'Viewers can read comments; commenters, editors and owners can write them.',
    'comments.selectHint': 'Select text in the editor to comment on it.',
    'comments.show': 'Show this passage in the editor',
    'comments.changed': 'That passage is no longer in the document as quoted.',
    'comments.showResolved': 'Show resolved ({n})',
  },
  id: {
    'comments.title': 'Komentar', 'comments.none': 'Belum ada komentar.', 'comments.add': 'Tambahkan komentar',
    'comments.send': 'Kirim', 'comments.on': 'Pada', 'comments.resolve': 'Tandai selesai',
    'comments.reopen': 'Buka lagi',
    'comments.delete': 'Hapus', 'comments.resolvedBy': 'Ditandai selesai oleh {name}',
    'comments.confirmDelete': 'Hapus komentar ini?',
    'comments.readOnly': 'Pembaca dapat membaca komentar; pemberi komentar, editor, dan pemilik dapat menulisnya.',
    'comments.selectHint': 'Pilih teks di editor untuk mengomentarinya.',
    'comments.show': 'Tampilkan bagian ini di editor',
    'comments.changed': 'Bagian itu tidak lagi ada di dokumen seperti yang dikutip.',
    'comments.showResolved': 'Tampilkan yang sudah selesai ({n})',
  },
});

/**
 * Shows the comments of a document in `host`; `quote()` gives the text selected in the editor (or ''),
 * `anchor()` where it is ({ revision, from, to } in code points, or null when not known),
 * `reveal(text)` selects that passage in the editor (false when the text no longer has it).
 * `onCount(n)` is told how many comments are open, `onOpenPassages(passages)` what their passages read now and
 * where they start ([{ text, near }], near in code points or null). Returns the cleanup function.
 */
export async function mountComments(host, { pid, docId, quote, anchor, reveal, onCount, onOpenPassages }) {
  const state = { comments: [], showResolved: false };
  const mayComment = can('Commenter') && !session.partnership?.archived;
  const ctx = { host, pid, docId, quote, anchor, reveal, onCount, onOpenPassages, state, mayComment,
    me: myMembership() };
  const load = async () => { state.comments = await get(`/api/partnerships/${pid}/documents/${docId}/comments`); };
  const gone = c => { state.comments = state.comments.filter(x => x.id !== c.id); draw(ctx); };

  await watchPartnership(pid);
  const reload = async () => { await load(); draw(ctx); };
  return follow({
    'comment.updated': c => { if (c.documentId === docId) { upsert(state, c); draw(ctx); } },
    'comment.deleted': c => { if (c.documentId === docId) gone(c); },
    '*resync': reload,
  }, reload);
}

function commentItem({ mayComment, me }, c) {
  const mayDelete = mayComment && (c.authorId === session.me.id || me?.role === 'Owner');
  return html`
    <li class="comment ${c.resolvedAt ? 'resolved' : ''}" data-comment="${c.id}">
      <div class="comment-head">
        <span class="avatar sm" aria-hidden="true">${initials(c.authorName)}</span>
        <span class="who"><strong>${c.authorName}</strong><small>${c.authorParty} · ${
          formatDateTime(c.createdAt)}</small></span>
      </div>
      ${c.quote ? html`<blockquote class="quote" tabindex="0" role="button" title="${t('comments.show')}"
        data-passage="${c.passage ?? c.quote}">${c.quote}</blockquote>` : ''}
      <p class="body">${c.body}</p>
      ${c.resolvedAt ? html`<p class="muted small">${t('comments.resolvedBy', { name: c.resolvedByName })}</p>` : ''}
      ${mayComment ? html`<div class="comment-actions">
        <button type="button" class="link"
          data-resolve="${c.resolvedAt ? 'false' : 'true'}">${c.resolvedAt ? t('comments.reopen')
            : t('comments.resolve')}</button>
        ${mayDelete ? html`<button type="button" class="link danger" data-delete>${t('comments.delete')}</button>` : ''}
      </div>` : ''}
    </li>`;
}

function draw(ctx) {
  const { host, state, mayComment, onCount, onOpenPassages } = ctx;
  const open = state.comments.filter(c => !c.resolvedAt);
  const resolved = state.comments.filter(c => c.resolvedAt);
  onCount?.(open.length);
  // What each passage reads now (the server follows it through every edit); the quote when that is not known.
  onOpenPassages?.(open.filter(c => c.quote).map(c => ({ text: c.passage ?? c.quote, near: c.passageAt ?? null })));
  mount(host, html`
    ${mayComment ? html`
      <form class="comment-form" id="comment-form" novalidate>
        <label for="comment-body">${t('comments.add')}</label>
        <p class="quote-hint muted small" id="comment-quote">${t('comments.selectHint')}</p>
        <textarea id="comment-body" name="body" rows="3" maxlength="4000" required></textarea>
        <button class="primary" type="submit">${t('comments.send')}</button>
      </form>` : html`<p class="muted small">${t('comments.readOnly')}</p>`}
    ${state.comments.length === 0 ? html`<p class="empty">${t('comments.none')}</p>` : html`
      <ul class="comments">${open.map(c => commentItem(ctx, c))}</ul>
      ${resolved.length ? html`
        <button type="button" class="link"
          id="toggle-resolved">${t('comments.showResolved', { n: resolved.length })}</button>
        ${state.showResolved ? html`<ul
          class="comments">${resolved.map(c => commentItem(ctx, c))}</ul>` : ''}` : ''}`}`);
  wire(ctx);
}

function wire(ctx) {
  const { host, pid, docId, state, quote, anchor, reveal } = ctx;
  const form = $('#comment-form', host);
  form?.addEventListener('submit', async e => {
    e.preventDefault();
    const body = $('#comment-body', host).value;
    try {
      const created = await post(`/api/partnerships/${pid}/documents/${docId}/comments`,
        { body, quote: form.dataset.quote || null,
          anchor: form.dataset.quote ? JSON.parse(form.dataset.anchor || 'null') : null });
      upsert(state, created);
      form.dataset.quote = '';
      form.dataset.anchor = '';
      draw(ctx);
    } catch (err) {
      toast(err.message, 'error');
    }
  });
  // The passage selected in the editor when the person starts writing is what the comment is about.
  $('#comment-body', host)?.addEventListener('focus', () => {
    const text = quote().trim().slice(0, 500);
    if (!text && form.dataset.quote) return;
    form.dataset.quote = text;
    form.dataset.anchor = JSON.stringify(text ? anchor?.() ?? null : null);
    $('#comment-quote', host).textContent = text ? `${t('comments.on')}: “${text}”` : t('comments.selectHint');
  });
  $('#toggle-resolved', host)?.addEventListener('click', () => {
    state.showResolved = !state.showResolved;
    draw(ctx);
  });
  for (const q of $$('.quote', host)) {
    const show = () => { if (!reveal(q.dataset.passage)) toast(t('comments.changed'), 'info'); };
    q.addEventListener('click', show);
    q.addEventListener('keydown', e => { if (e.key === 'Enter') show(); });
  }
  wireItems(ctx);
}

// Resolving, reopening and deleting a comment.
function wireItems(ctx) {
  const { host, pid, docId, state } = ctx;
  for (const item of $$('[data-comment]', host)) {
    const id = item.dataset.comment;
    $('[data-resolve]', item)?.addEventListener('click', async e => {
      try {
        const resolved = e.target.dataset.resolve === 'true';
        upsert(state, await post(`/api/partnerships/${pid}/documents/${docId}/comments/${id}/resolve`, { resolved }));
        draw(ctx);
      } catch (err) { toast(err.message, 'error'); }
    });
    $('[data-delete]', item)?.addEventListener('click', async () => {
      if (!confirm(t('comments.confirmDelete'))) return;
      try {
        await del(`/api/partnerships/${pid}/documents/${docId}/comments/${id}`);
        state.comments = state.comments.filter(c => c.id !== id);
        draw(ctx);
      } catch (err) { toast(err.message, 'error'); }
    });
  }
}

function upsert(state, c) {
  const i = state.comments.findIndex(x => x.id === c.id);
  // A change (resolved, reopened) does not say where the passage is now: what was known stays.
  if (i < 0) { state.comments.push(c); return; }
  const known = state.comments[i];
  state.comments[i] = c.passage ? c : { ...c, passage: known.passage, passageAt: known.passageAt };
}
