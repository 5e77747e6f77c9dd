// Action items: a board (columns by status, drag to move) and a filtered list. Live for everyone.
import { html, mount, $, $$, toast, keepFocus, announce } from '../../core/dom.js';
import { t, addMessages, formatDate } from '../../core/i18n.js';
import { get, post, put, del } from '../../core/api.js';
import { session, openPartnership, can } from '../../core/session.js';
import { actionStatuses, statusLabel, isOverdue } from '../../core/labels.js';
import { filtersFor, filterItems } from './filters.js';
import { versionedDialog } from '../../core/versioned.js';
import { watchPartnership, follow } from '../../core/partnershipLive.js';
import { updateNav } from '../../core/nav.js';
import { initials } from '../../core/people.js';
import { learnMeetings, meetingBadge } from './item-meeting.js';
import { clauseChip, clauseField, clauseInput, clauseValue } from '../../core/clause-link.js';

addMessages({
  en: {
    'actions.title': 'Action items', 'actions.new': 'New action item', 'actions.board': 'Board', 'actions.list': 'List',
    'actions.filter.all': 'All', 'actions.filter.mine': 'Mine', 'actions.filter.overdue': 'Overdue',
    'actions.filter.week': 'Due this week',
    'actions.filter.party': 'Organisation', 'actions.filter.anyParty': 'Any organisation',
    'actions.field.title': 'What needs doing', 'actions.field.owner': 'Owner', 'actions.field.due': 'Due date',
    'actions.field.status': 'Status',
    'actions.field.goal': 'Goal', 'actions.field.notes': 'Notes', 'actions.unassigned': 'Unassigned',
    'actions.noGoal': 'No goal',
    'actions.empty': 'No action items match.', 'actions.overdue': 'overdue', 'actions.fromDoc': 'from a document',
    'actions.edit': 'Edit action item', 'actions.deleteConfirm': 'Delete this action item?',
    'actions.moved': '{who} moved {item} to {status}',
    'actions.dropHere': 'Drop here', 'actions.inPlan': 'in a document', 'actions.col.count': '{n} items',
    'actions.keys': 'Keyboard: Enter opens a card; Alt + ← / → moves it to the column beside.',
    'actions.keyMoved': 'A{number} moved to {status}', 'actions.keyEdge': 'A{number} is already in {status}',
  },
  id: {
    'actions.title': 'Tindak lanjut', 'actions.new': 'Tugas baru', 'actions.board': 'Papan', 'actions.list': 'Daftar',
    'actions.filter.all': 'Semua', 'actions.filter.mine': 'Tugas saya', 'actions.filter.overdue': 'Lewat tenggat',
    'actions.filter.week': 'Tenggat minggu ini',
    'actions.filter.party': 'Organisasi', 'actions.filter.anyParty': 'Semua organisasi',
    'actions.field.title': 'Yang perlu dikerjakan', 'actions.field.owner': 'Penanggung jawab',
    'actions.field.due': 'Tenggat', 'actions.field.status': 'Status',
    'actions.field.goal': 'Tujuan', 'actions.field.notes': 'Catatan',
    'actions.unassigned': 'Belum ada penanggung jawab', 'actions.noGoal': 'Tanpa tujuan',
    'actions.empty': 'Tidak ada tugas yang sesuai.', 'actions.overdue': 'lewat tenggat',
    'actions.fromDoc': 'dari dokumen',
    'actions.edit': 'Ubah tugas', 'actions.deleteConfirm': 'Hapus tugas ini?',
    'actions.moved': '{who} memindahkan {item} ke {status}',
    'actions.dropHere': 'Letakkan di sini', 'actions.inPlan': 'di dokumen', 'actions.col.count': '{n} tugas',
    'actions.keys': 'Papan ketik: Enter membuka kartu; Alt + ← / → memindahkannya ke kolom sebelah.',
    'actions.keyMoved': 'A{number} dipindahkan ke {status}', 'actions.keyEdge': 'A{number} sudah di {status}',
  },
});

const state = { items: [], goals: [], view: localStorage.getItem('actions.view') || 'board',
  filters: filtersFor(null) };
let redraw = () => {};

export async function renderActions({ pid }, main) {
  const partnership = await openPartnership(pid);
  updateNav(pid);
  state.filters = filtersFor(pid);
  await watchPartnership(pid);
  const load = async () => {
    const [items, board] = await Promise.all([get(`/api/partnerships/${pid}/action-items`),
      get(`/api/partnerships/${pid}/goals`)]);
    state.items = items;
    state.goals = board.goals;
    await learnMeetings(pid, items);
  };

  const draw = () => keepFocus(main, () => {
    mount(main, html`
      <div class="page-head">
        <h1>${t('actions.title')}</h1>
        <div class="segmented" role="group">
          ${['board', 'list'].map(v => html`<button data-view="${v}" class="${state.view === v ? 'on' : ''}"
            aria-pressed="${state.view === v}">${t(`actions.${v}`)}</button>`)}
        </div>
        ${can('Editor') ? html`<button class="primary" id="new-item">${t('actions.new')}</button>` : ''}
      </div>
      <div class="filters" role="group">
        ${['all', 'mine', 'overdue', 'week'].map(f => html`<button data-filter="${f}"
          class="chip ${state.filters.filter === f ? 'on' : ''}"
          aria-pressed="${state.filters.filter === f}">${t(`actions.filter.${f}`)}</button>`)}
        <select id="party-filter" aria-label="${t('actions.filter.party')}">
          <option value="">${t('actions.filter.anyParty')}</option>
          ${partnership.parties.map(p => html`<option value="${p.id}"
            ${state.filters.party === p.id ? 'selected' : ''}>${p.name}</option>`)}
        </select>
      </div>
      ${state.view === 'board' && can('Editor')
        ? html`<p class="muted board-keys" id="board-keys">${t('actions.keys')}</p>` : ''}
      <div id="items">${state.view === 'board' ? board(visible()) : list(visible())}</div>`);
    $$('[data-view]', main).forEach(b => b.addEventListener('click', () => {
      state.view = b.dataset.view;
      localStorage.setItem('actions.view', state.view);
      draw();
    }));
    $$('[data-filter]', main).forEach(b => b.addEventListener('click', () => {
      state.filters.filter = b.dataset.filter;
      draw();
    }));
    $('#party-filter', main).addEventListener('change', e => { state.filters.party = e.target.value; draw(); });
    $('#new-item', main)?.addEventListener('click', () => editDialog(pid, null));
    $$('[data-item]', main).forEach(el => el.addEventListener('click', e => {
      if (e.target.closest('button.tick, a')) return;
      editDialog(pid, state.items.find(i => i.id === el.dataset.item));
    }));
    $$('[data-item]', main).forEach(el => el.addEventListener('keydown', e => onItemKey(pid, el, e)));
    $$('button.tick', main).forEach(b => b.addEventListener('click', () => {
      const item = state.items.find(i => i.id === b.dataset.id);
      move(pid, item, item.status === 'Done' ? 'Open' : 'Done');
    }));
    if (state.view === 'board' && can('Editor')) enableDrag(pid, main);
  });

  const stop = await follow({
    'action.updated': async item => { upsert(item); draw(); if (await learnMeetings(pid, [item])) draw(); },
    'action.deleted': item => { state.items = state.items.filter(i => i.id !== item.id); draw(); },
    '*resync': async () => { await load(); draw(); },
  }, async () => { await load(); draw(); });
  redraw = draw;
  // A link from a task line in a document (…/actions?item=12) opens that item.
  const wanted = Number(new URLSearchParams(location.search).get('item'));
  const linked = wanted ? state.items.find(i => i.number === wanted) : null;
  if (linked) editDialog(pid, linked);
  return () => { redraw = () => {}; stop(); };
}

// Cards and rows are one Tab stop each: Enter or Space opens one, Alt + Left/Right moves a card a column over
// (the same move as a drag), and a screen reader is told where it went.
function onItemKey(pid, el, e) {
  if (e.target !== el) return;
  const item = state.items.find(i => i.id === el.dataset.item);
  if (!item) return;
  if ((e.key === 'Enter' || e.key === ' ') && !e.altKey) {
    e.preventDefault();
    editDialog(pid, item);
    return;
  }
  const step = { ArrowLeft: -1, ArrowRight: 1 }[e.key];
  if (!step || !e.altKey || state.view !== 'board' || !can('Editor')) return;
  e.preventDefault();
  const status = actionStatuses[actionStatuses.indexOf(item.status) + step];
  if (!status) {
    announce(t('actions.keyEdge', { number: item.number, status: statusLabel(item.status) }));
    return;
  }
  const last = Math.max(0, ...state.items.filter(i => i.status === status).map(i => i.sortOrder));
  announce(t('actions.keyMoved', { number: item.number, status: statusLabel(status) }));
  // Shown at once, so a quick second press starts from here; sent one after another, so each carries the version
  // the one before it got back (sent side by side, the second would be refused as a conflict).
  const pending = keyMovesOf.get(item.id);
  keyMovesOf.set(item.id, { status, sortOrder: last + 1, count: (pending?.count ?? 0) + 1 });
  upsert({ ...item, status, sortOrder: last + 1 });
  redraw();
  keyMoves = keyMoves.then(() => move(pid, state.items.find(i => i.id === item.id), status, last + 1))
    .finally(() => settleKeyMove(item.id));
}
let keyMoves = Promise.resolve();
// Key moves sent but not all answered yet, per card: the column the last press chose. An answer or live echo of an
// earlier move must not pull the card back meanwhile, or the next press would start from that older column.
const keyMovesOf = new Map();

function settleKeyMove(id) {
  const pending = keyMovesOf.get(id);
  if (pending && --pending.count === 0) keyMovesOf.delete(id);
}

function upsert(incoming) {
  const pending = keyMovesOf.get(incoming.id);
  const item = pending ? { ...incoming, status: pending.status, sortOrder: pending.sortOrder } : incoming;
  const i = state.items.findIndex(x => x.id === item.id);
  if (i < 0) state.items.push(item);
  else if (state.items[i].version <= item.version) state.items[i] = item;
}

function visible() {
  return filterItems(state.items, state.filters, session.me.id);
}

function card(i) {
  const overdue = isOverdue(i);
  return html`
    <article class="item-card ${overdue ? 'overdue' : ''} ${i.status === 'Done' ? 'done' : ''}" data-item="${i.id}"
      draggable="${can('Editor')}"
      tabindex="0" aria-label="A${i.number} ${i.title}" ${can('Editor') ? html`aria-describedby="board-keys"` : ''}>
      <div class="item-top"><span class="num">A${i.number}</span>${i.documentId ? html`<a class="badge muted doc-link"
        href="/p/${session.partnership.id}/docs/${i.documentId}"
        title="${t('actions.fromDoc')}">☑ ${t('actions.inPlan')}</a>` : ''}
        ${meetingBadge(session.partnership.id, i)}</div>
      <div class="item-title" title="${i.title}">${i.title}</div>
      ${i.clause ? html`<div class="item-clause">${clauseChip(session.partnership.id, i.clause)}</div>` : ''}
      <div class="item-meta">
        ${i.ownerName ? html`<span class="who"><span class="avatar sm"
          aria-hidden="true">${initials(i.ownerName)}</span>${i.ownerName}</span>`
          : html`<span class="muted">${t('actions.unassigned')}</span>`}
        ${i.dueDate ? html`<span
          class="due ${overdue ? 'late' : ''}">${formatDate(i.dueDate)}${overdue ? html` · ${t('actions.overdue')}`
            : ''}</span>` : ''}
      </div>
    </article>`;
}

function board(items) {
  return html`<div class="board">${actionStatuses.map(s => {
    const col = items.filter(i => i.status === s).sort((a, b) => a.sortOrder - b.sortOrder || a.number - b.number);
    return html`<section class="column" data-status="${s}" aria-label="${statusLabel(s)}">
      <h2>${statusLabel(s)} <span class="count">${col.length}</span></h2>
      <div class="column-body">${col.map(card)}</div>
    </section>`;
  })}</div>`;
}

function list(items) {
  if (items.length === 0) return html`<p class="empty">${t('actions.empty')}</p>`;
  const sorted = [...items]
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.number - b.number);
  return html`<table class="table">
    <thead><tr><th></th><th>#</th>${['title', 'owner', 'due', 'status']
      .map(f => html`<th>${t(`actions.field.${f}`)}</th>`)}</tr></thead>
    <tbody>${sorted.map(i => html`<tr data-item="${i.id}" tabindex="0" class="${isOverdue(i) ? 'overdue' : ''}">
      <td>${can('Editor') ? html`<button class="tick" data-id="${i.id}" aria-label="${statusLabel('Done')}"
        aria-pressed="${i.status === 'Done'}">${i.status === 'Done' ? '☑' : '☐'}</button>` : ''}</td>
      <td class="num">A${i.number}</td><td>${i.title}${i.clause
        ? html` ${clauseChip(session.partnership.id, i.clause)}` : ''}</td>
      <td>${i.ownerName ?? t('actions.unassigned')}</td>
      <td class="${isOverdue(i) ? 'late' : ''}">${i.dueDate ? formatDate(i.dueDate) : ''}</td><td><span
        class="status s-${i.status}">${statusLabel(i.status)}</span></td></tr>`)}</tbody></table>`;
}

function enableDrag(pid, main) {
  let dragged = null;
  $$('.item-card', main).forEach(el => {
    el.addEventListener('dragstart', e => {
      dragged = el.dataset.item;
      e.dataTransfer.setData('text/plain', dragged);
      el.classList.add('dragging');
    });
    el.addEventListener('dragend', () => el.classList.remove('dragging'));
  });
  $$('.column', main).forEach(col => {
    col.addEventListener('dragover', e => { e.preventDefault(); col.classList.add('drop'); });
    col.addEventListener('dragleave', () => col.classList.remove('drop'));
    col.addEventListener('drop', e => {
      e.preventDefault();
      col.classList.remove('drop');
      const id = e.dataTransfer.getData('text/plain') || dragged;
      const item = state.items.find(i => i.id === id);
      if (!item) return;
      const cards = $$('.item-card', col).filter(c => c.dataset.item !== id);
      const after = cards.find(c => e.clientY < c.getBoundingClientRect().top + c.offsetHeight / 2);
      const orders = cards.map(c => state.items.find(i => i.id === c.dataset.item).sortOrder);
      let sortOrder;
      if (!after) sortOrder = (orders.length ? Math.max(...orders) : 0) + 1;
      else {
        const idx = cards.indexOf(after);
        const next = orders[idx];
        const prev = idx > 0 ? orders[idx - 1] : next - 2;
        sortOrder = (prev + next) / 2;
      }
      move(pid, item, col.dataset.status, sortOrder);
    });
  });
}

async function move(pid, item, status, sortOrder) {
  const optimistic = { ...item, status, sortOrder: sortOrder ?? item.sortOrder };
  upsert({ ...optimistic, version: item.version });
  try {
    const saved = await post(`/api/partnerships/${pid}/action-items/${item.id}/move`,
      { status, sortOrder, version: item.version });
    upsert(saved);
  } catch (err) {
    if (err.status === 409) {
      const current = err.problem.current;
      state.items = state.items.map(i => (i.id === current.id ? current : i));
      const name = current.updatedByName || err.problem.changedBy || t('common.someone');
      toast(t('common.conflict', { name }), 'error');
    } else {
      state.items = state.items.map(i => (i.id === item.id ? item : i));
      toast(err.message, 'error');
    }
  }
  redraw();
}

async function editDialog(pid, item) {
  const partnership = session.partnership;
  const members = partnership.members;
  if (!can('Editor') && item) return;
  const clause = await clauseField(pid, item?.clause);
  versionedDialog({
    entity: item,
    event: 'action.updated',
    title: item ? `${t('actions.edit')} · A${item.number}` : t('actions.new'),
    fields: [
      { name: 'title', label: t('actions.field.title'), value: item?.title, required: true, maxlength: 300 },
      { name: 'ownerUserId', label: t('actions.field.owner'), type: 'select', value: item ? item.ownerUserId
        : session.me.id,
        options: [{ value: '', label: t('actions.unassigned') }, ...members.map(m => ({ value: m.userId,
          label: `${m.displayName} · ${partnership.parties.find(p => p.id === m.partyId)?.name ?? ''}` }))] },
      { name: 'dueDate', label: t('actions.field.due'), type: 'date', value: item?.dueDate },
      { name: 'status', label: t('actions.field.status'), type: 'select', value: item?.status ?? 'Open',
        options: actionStatuses.map(s => ({ value: s, label: statusLabel(s) })) },
      { name: 'goalId', label: t('actions.field.goal'), type: 'select', value: item?.goalId ?? '',
        options: [{ value: '', label: t('actions.noGoal') }, ...state.goals.map(g => ({ value: g.id,
          label: g.title }))] },
      clause,
      { name: 'notes', label: t('actions.field.notes'), type: 'textarea', value: item?.notes },
    ],
    formOf: i => ({ ...i, clause: clauseValue(i.clause) }),
    extra: item ? { label: t('common.delete'), className: 'danger', onClick: async () => {
      if (!confirm(t('actions.deleteConfirm'))) return false;
      const version = state.items.find(i => i.id === item.id)?.version ?? item.version;
      await del(`/api/partnerships/${pid}/action-items/${item.id}?version=${version}`);
      state.items = state.items.filter(i => i.id !== item.id);
      redraw();
      return true;
    } } : null,
    onConflict: current => { upsert(current); redraw(); },
    save: async (values, version) => {
      const latest = item && (state.items.find(i => i.id === item.id) ?? item);
      const body = { ...values, notes: values.notes ?? '', meetingId: item?.meetingId ?? null,
        documentId: item?.documentId ?? null, version, clause: clauseInput(values.clause, latest?.clause) };
      const saved = item ? await put(`/api/partnerships/${pid}/action-items/${item.id}`, body)
        : await post(`/api/partnerships/${pid}/action-items`, body);
      upsert(saved);
      redraw();
      return saved;
    },
  });
}
