// How the disputes feature names things in the person's language: steps, categories, severities, parties and
// deadlines (overdue when the current step's deadline has passed).
import { html } from '../../core/dom.js';
import { t, addMessages, formatDate } from '../../core/i18n.js';
import { disputeMessages } from './i18n.js';

addMessages(disputeMessages);

/** A default step's name in the person's language; an agreement's own step name as written. */
export function stepName(name) {
  const key = `disputes.stepName.${name}`;
  const worded = t(key);
  return worded === key ? name : worded;
}

export const categories = ['Quality', 'Payment', 'Delivery', 'IntellectualProperty', 'Conduct', 'Other'];
export const severities = ['Low', 'Medium', 'High', 'Critical'];

export function partyName(partnership, partyId) {
  return partnership.parties.find(p => p.id === partyId)?.name ?? '';
}

/** Overdue by the browser's clock too, so a page left open turns red when the deadline passes. */
export function isOverdue(d) {
  return d.status === 'Open' && !!d.deadline && (d.overdue || new Date(d.deadline) < new Date());
}

/** The deadline of the current step as a badge: red and worded "Overdue" once passed. */
export function deadlineBadge(d) {
  if (d.status !== 'Open' || !d.deadline) return '';
  const late = isOverdue(d);
  return html`<span class="badge deadline ${late ? 'late' : ''}" data-overdue="${late}">
    ${late ? html`<strong>${t('disputes.overdue')}</strong> · ` : ''}${t('disputes.due',
      { date: formatDate(d.deadline) })}
  </span>`;
}

export function statusBadge(d) {
  const resolved = d.status === 'Resolved';
  return html`<span class="badge ${resolved ? 'ok' : ''}">${t(`disputes.${d.status.toLowerCase()}`)}</span>`;
}

export function severityBadge(severity) {
  return html`<span class="badge sev-${severity.toLowerCase()}">${t(`disputes.sev.${severity}`)}</span>`;
}
