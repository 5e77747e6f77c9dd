// Reordering an occurrence's agenda: drag by the handle (mouse, pen or touch, through pointer events) or, with an
// item focused, Alt + ↑ / ↓ (as the board's Alt + ← / →). Each move names the order version it was made on; when
// someone changed the order since (409), the same move is made once on the order they left, and the person is told.
import { $, $$, toast, announce } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { post } from '../../core/api.js';

/** Moves item `id` to position `to` (0-based) and redraws; the focus stays on the item and the move is said. */
export async function moveAgendaItem(page, id, to, retried = false) {
  const ids = page.agenda.map(a => a.id);
  const from = ids.indexOf(id);
  if (page.busy || from < 0 || to < 0 || to >= ids.length || to === from) return;
  ids.splice(to, 0, ...ids.splice(from, 1));
  page.busy = true;
  let view;
  try {
    view = await post(`${page.base}/agenda/order`, { occurrence: page.occurrence, itemIds: ids,
      version: page.orderVersion });
  } catch (err) {
    page.busy = false;
    if (err?.status === 409 && err.problem?.current && !retried) {
      adopt(page, err.problem.current);
      toast(t('plan.orderChanged'), 'info');
      return moveAgendaItem(page, id, Math.min(to, page.agenda.length - 1), true);
    }
    toast(err.message, 'error');
    return;
  }
  page.busy = false;
  adopt(page, view);
  page.draw();
  $(`.agenda li[data-id="${id}"]`, page.main)?.focus();
  const n = page.agenda.findIndex(a => a.id === id);
  announce(t('meetings.movedTo', { title: page.agenda[n].title, n: n + 1, count: page.agenda.length }));
}

function adopt(page, view) {
  page.agenda = view.items;
  page.orderVersion = view.version;
}

export function wireAgendaOrder(page) {
  const list = $('.agenda', page.main);
  if (!list || !list.dataset.reorder) return;
  list.addEventListener('keydown', e => {
    const li = e.target.closest('li[data-id]');
    if (!li || e.target !== li || !e.altKey || !['ArrowUp', 'ArrowDown'].includes(e.key)) return;
    e.preventDefault();
    const from = page.agenda.findIndex(a => a.id === li.dataset.id);
    moveAgendaItem(page, li.dataset.id, from + (e.key === 'ArrowUp' ? -1 : 1));
  });
  $$('.drag-handle', list).forEach(handle => handle.addEventListener('pointerdown', e => drag(page, list, handle, e)));
}

/** Follows one pointer from the handle; the item under it shows where the dragged one will land. */
function drag(page, list, handle, start) {
  const li = handle.closest('li[data-id]');
  start.preventDefault();
  handle.setPointerCapture(start.pointerId);
  li.classList.add('dragging');
  let target = null;
  const over = e => {
    const under = document.elementFromPoint(e.clientX, e.clientY)?.closest('.agenda li[data-id]');
    $$('.drop-before, .drop-after', list).forEach(x => x.classList.remove('drop-before', 'drop-after'));
    if (!under || under === li) { target = null; return; }
    const box = under.getBoundingClientRect();
    const after = e.clientY > box.top + box.height / 2;
    under.classList.add(after ? 'drop-after' : 'drop-before');
    target = { id: under.dataset.id, after };
  };
  const end = () => {
    handle.removeEventListener('pointermove', over);
    li.classList.remove('dragging');
    $$('.drop-before, .drop-after', list).forEach(x => x.classList.remove('drop-before', 'drop-after'));
    if (!target) return;
    const from = page.agenda.findIndex(a => a.id === li.dataset.id);
    let to = page.agenda.findIndex(a => a.id === target.id) + (target.after ? 1 : 0);
    if (to > from) to -= 1;
    moveAgendaItem(page, li.dataset.id, to);
  };
  handle.addEventListener('pointermove', over);
  handle.addEventListener('pointerup', end, { once: true });
  handle.addEventListener('pointercancel', () => { target = null; end(); }, { once: true });
}
