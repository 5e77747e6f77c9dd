// The action items' filters (all, mine, overdue, due this week; an organisation), kept per partnership: an
// organisation chosen in one partnership does not exist in the next, and would hide all of its items.
import { isOverdue, today, addDays } from '../../core/labels.js';

const byPartnership = new Map();

/** The filters of partnership `pid`, as the person last left them there (all items at first). */
export function filtersFor(pid) {
  if (!byPartnership.has(pid)) byPartnership.set(pid, { filter: 'all', party: '' });
  return byPartnership.get(pid);
}

/** The items the filters let through; `me` is the signed-in person's id. */
export function filterItems(items, { filter, party }, me, todayIso = today()) {
  const weekEnd = addDays(todayIso, 7);
  return items.filter(i =>
    (filter !== 'mine' || i.ownerUserId === me) &&
    (filter !== 'overdue' || isOverdue(i)) &&
    (filter !== 'week' || (i.status !== 'Done' && i.dueDate && i.dueDate >= todayIso && i.dueDate <= weekEnd)) &&
    (!party || i.ownerPartyId === party));
}
