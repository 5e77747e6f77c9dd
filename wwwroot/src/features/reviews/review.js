// One review round: answering (and changing the answer) while it is open, closing it, and once closed the results
// per party, the free texts and the agreed changes that become action items.
// Live: 'review.updated' of this round updates the answer counts in place (a half-filled answer is never redrawn)
// and redraws the page when the round closes or an agreed change arrives.
import { mount, $, $$, toast, keepFocus, announce } from '../../core/dom.js';
import { t, lang } from '../../core/i18n.js';
import { get, put, post } from '../../core/api.js';
import { openPartnership, can, session } from '../../core/session.js';
import { formDialog } from '../../core/dialog.js';
import { watchPartnership, follow } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';
import { reviewView, progressItems } from './review-view.js';
import { resultsChart } from './charts.js';
import { questionLabel } from './words.js';
import './i18n.js';

export async function renderReview({ pid, roundId }, main) {
  const partnership = await openPartnership(pid);
  updateNav(pid);
  await watchPartnership(pid);
  const base = `/api/partnerships/${pid}/reviews/${roundId}`;
  const page = { pid, main, base, partnership, parties: partnership.parties, chart: null };
  page.draw = () => keepFocus(main, () => {
    Object.assign(page, { canRun: can('Editor'), canNote: can('Commenter') });
    page.chart?.destroy();
    page.chart = null;
    mount(main, reviewView(page));
    wire(page);
    if (main.isConnected) document.title = `R${page.r.number} ${page.r.title} · ${t('shell.brand')}`;
  });
  const refresh = async () => { page.r = await get(base); page.draw(); };
  const stop = await follow({
    'review.updated': async r => {
      if (r.id !== roundId) return;
      const before = page.r;
      page.r = await get(base);
      const quiet = before.status === page.r.status && before.changes.length === page.r.changes.length
        && before.changes.every((c, i) => c.actionItemNumber === page.r.changes[i].actionItemNumber);
      if (quiet && $('#progress', main)) mount($('#progress', main), progressItems(page.r));
      else page.draw();
    },
    '*resync': refresh,
  }, refresh);
  return () => { stop(); page.chart?.destroy(); };
}

function wire(page) {
  const { main, base, r } = page;
  $('#answer-form', main)?.addEventListener('submit', e => answer(e, page));
  $('#close-round', main)?.addEventListener('click', () => formDialog({
    title: t('reviews.close'), submitLabel: t('reviews.close'), fields: [], note: t('reviews.closeConfirm'),
    onSubmit: async () => {
      page.r = await post(`${base}/close`);
      page.draw();
      announce(t('reviews.closedNow'));
    },
  }));
  $('#change-form', main)?.addEventListener('submit', e => addChange(e, page));
  $$('[data-to-item]', main).forEach(b => b.addEventListener('click', () => itemDialog(page, b.dataset.toItem)));
  const box = $('#results-box', main);
  if (box && r.results) {
    const questions = r.results.questions;
    box.style.height = `${Math.max(240, questions.length * (page.parties.length + 1) * 16 + 110)}px`;
    resultsChart($('#results-chart', box), questions.map(q => questionLabel(q, r.goals)), page.parties, questions)
      .then(c => { page.chart = c; });
  }
}

async function answer(e, page) {
  e.preventDefault();
  const form = e.target;
  const value = name => { const v = form.elements[name]?.value; return v ? Number(v) : 0; };
  const body = {
    overall: value('overall'), communication: value('communication'), fairness: value('fairness'),
    progress: value('progress'),
    goals: page.r.goals.map(g => ({ goalId: g.id, score: value(`goal-${g.id}`) })).filter(g => g.score > 0),
    whatWorks: form.elements.whatWorks.value, whatShouldChange: form.elements.whatShouldChange.value,
  };
  try {
    page.r = await put(`${page.base}/answer`, body);
  } catch (err) {
    toast(err.message, 'error');
    return;
  }
  page.draw();
  toast(t('reviews.sent'));
  announce(t('reviews.sent'));
}

async function addChange(e, page) {
  e.preventDefault();
  const form = e.target;
  const text = form.elements.text.value.trim();
  if (!text) { form.elements.text.focus(); return; }
  try {
    page.r = await post(`${page.base}/changes`, { text });
  } catch (err) {
    toast(err.message, 'error');
    return;
  }
  form.reset();
  page.draw();
  $('#change-form input', page.main)?.focus();
}

function itemDialog(page, changeId) {
  const members = page.partnership.members.map(m => ({ value: m.userId, label: m.displayName }));
  formDialog({
    title: t('reviews.toItem'), submitLabel: t('reviews.toItem'),
    fields: [
      { name: 'owner', label: t('reviews.itemOwner'), type: 'select', value: session.me.id,
        options: [{ value: '', label: t('reviews.noOwner') }, ...members] },
      { name: 'due', label: t('reviews.itemDue'), type: 'date' },
    ],
    onSubmit: async v => {
      page.r = await post(`/api/partnerships/${page.pid}/reviews/changes/${changeId}/action-item`,
        { ownerUserId: v.owner || null, dueDate: v.due || null, language: lang() });
      page.draw();
      const made = page.r.changes.find(c => c.id === changeId);
      toast(t('reviews.itemMade', { number: made?.actionItemNumber }));
    },
  });
}
