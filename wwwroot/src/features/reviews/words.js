// Small pieces of wording both review pages use.
import { html } from '../../core/dom.js';
import { t, formatNumber } from '../../core/i18n.js';
import './i18n.js';

export const statusBadge = status =>
  html`<span class="badge ${status === 'Open' ? 'ok' : 'muted'}">${t(`reviews.status.${status}`)}</span>`;

export const progressLine = p =>
  t('reviews.progress', { party: p.name, answered: formatNumber(p.answered), members: formatNumber(p.members) });

export const score = value => (value == null ? t('reviews.noScore') : formatNumber(value));

/** A question's label: the fixed ones by key, a goal's by its title (as asked when the round opened). */
export function questionLabel(q, goals) {
  if (q.question !== 'goal') return t(`reviews.q.${q.question}`);
  return t('reviews.q.goal', { title: goals.find(g => g.id === q.goalId)?.title ?? '' });
}
