// One dispute: moving steps, proposals and answers, the discussion and my party's confidential notes.
// Live: 'dispute.updated' (every member) redraws it; 'dispute.note' reaches only my own party's people.
import { mount, $, $$, toast, keepFocus, announce } from '../../core/dom.js';
import { t, lang } from '../../core/i18n.js';
import { get, post } from '../../core/api.js';
import { openPartnership, can, myMembership, session } from '../../core/session.js';
import { formDialog } from '../../core/dialog.js';
import { watchPartnership, follow } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';
import { disputeView } from './dispute-view.js';

export async function renderDispute({ pid, disputeId }, main) {
  const partnership = await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  const base = `/api/partnerships/${pid}/disputes/${disputeId}`;
  const page = { pid, partnership, main, base, replyTo: null, notes: [], documents: [], items: [] };
  const load = async () => {
    const [d, notes, documents, items] = await Promise.all([get(base), get(`${base}/notes`),
      get(`/api/partnerships/${pid}/documents`), get(`/api/partnerships/${pid}/action-items`)]);
    Object.assign(page, { d, notes, documents, items });
  };
  page.draw = () => keepFocus(main, () => {
    const myParty = myMembership()?.partyId;
    const involved = page.d.partyIds.includes(myParty);
    Object.assign(page, { myParty, acts: involved && can('Editor'), talks: involved && can('Commenter'),
      canNote: can('Commenter') });
    mount(main, disputeView(page));
    wire(page);
    if (main.isConnected) document.title = `D${page.d.number} ${page.d.title} · ${t('shell.brand')}`;
  });
  const refresh = async () => { await load(); page.draw(); };
  return follow({
    'dispute.updated': d => { if (d.id === disputeId) { page.d = d; page.draw(); } },
    'dispute.note': n => {
      if (n.disputeId !== disputeId || page.notes.some(x => x.id === n.id)) return;
      page.notes = [...page.notes, n];
      page.draw();
    },
    '*resync': refresh,
  }, refresh);
}

function wire(page) {
  const { main, base } = page;
  $('#next-step', main)?.addEventListener('click', () => formDialog({
    title: t('disputes.next'), submitLabel: t('disputes.next'),
    fields: [{ name: 'note', label: t('disputes.nextNote'), type: 'textarea', maxlength: 1000 }],
    onSubmit: async v => {
      await act(page, post(`${base}/steps/next`, { fromStep: page.d.currentStep, note: v.note }));
    },
  }));
  $('#propose', main)?.addEventListener('click', () => proposeDialog(page));
  $$('[data-accept]', main).forEach(b => b.addEventListener('click', () =>
    act(page, post(`${base}/proposals/${b.dataset.accept}/answer`, { accept: true, language: lang() }), true)));
  $$('[data-reject]', main).forEach(b => b.addEventListener('click', () =>
    act(page, post(`${base}/proposals/${b.dataset.reject}/answer`, { accept: false, language: lang() }), true)));
  $$('[data-withdraw]', main).forEach(b => b.addEventListener('click', () =>
    act(page, post(`${base}/proposals/${b.dataset.withdraw}/withdraw`), true)));
  $$('[data-reply]', main).forEach(b => b.addEventListener('click', () => {
    page.replyTo = b.dataset.reply;
    page.draw();
    $('#message-form textarea', main)?.focus();
  }));
  $('#cancel-reply', main)?.addEventListener('click', () => {
    page.replyTo = null;
    page.draw();
    $('#message-form textarea', main)?.focus();
  });
  $('#message-form', main)?.addEventListener('submit', e => send(e, page, 'messages'));
  $('#note-form', main)?.addEventListener('submit', e => send(e, page, 'notes'));
}

/** Sends a command that answers with the dispute; its answer is drawn at once (the live echo changes nothing). */
async function act(page, request, quiet = false) {
  try {
    page.d = await request;
  } catch (err) {
    if (!quiet) throw err;
    toast(err.message, 'error');
    return;
  }
  page.draw();
  $('#page-title', page.main)?.focus();
  announce(t(`disputes.${page.d.status.toLowerCase()}`));
}

async function send(e, page, kind) {
  e.preventDefault();
  const form = e.target;
  const text = form.elements.text.value.trim();
  if (!text) { form.elements.text.focus(); return; }
  try {
    const answer = await post(`${page.base}/${kind}`,
      kind === 'messages' ? { text, replyToId: page.replyTo } : { text });
    if (kind === 'messages') {
      page.d = answer;
      page.replyTo = null;
    } else if (!page.notes.some(n => n.id === answer.id)) {
      page.notes = [...page.notes, answer];
    }
  } catch (err) {
    toast(err.message, 'error');
    return;
  }
  form.reset();
  page.draw();
  $(`#${kind === 'messages' ? 'message' : 'note'}-form textarea`, page.main)?.focus();
  announce(t('disputes.sent'));
}

function proposeDialog(page) {
  const members = page.partnership.members.map(m => ({ value: m.userId, label: m.displayName }));
  formDialog({
    title: t('disputes.propose'), submitLabel: t('disputes.propose'),
    fields: [
      { name: 'text', label: t('disputes.field.proposal'), type: 'textarea', maxlength: 4000 },
      { name: 'itemTitle', label: t('disputes.field.item'), maxlength: 300 },
      { name: 'owner', label: t('disputes.field.owner'), type: 'select', value: session.me.id,
        options: [{ value: '', label: t('disputes.noOwner') }, ...members] },
      { name: 'due', label: t('disputes.field.due'), type: 'date' },
    ],
    onSubmit: async v => {
      const actionItems = v.itemTitle ? [{ title: v.itemTitle, ownerUserId: v.owner, dueDate: v.due }] : [];
      await act(page, post(`${page.base}/proposals`, { text: v.text ?? '', actionItems }));
    },
  });
}
