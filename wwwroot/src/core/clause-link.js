// A link from an action item or a decision to a clause of an agreement: the chip that shows it and the picker field
// that sets it. Disputes, action items and decisions share the picker, so it lives here, not in one feature.
import { html } from './dom.js';
import { t, addMessages } from './i18n.js';
import { get } from './api.js';

addMessages({
  en: {
    'clause.field': 'Agreement clause', 'clause.none': 'No clause', 'clause.deleted': 'deleted',
    'clause.chip': 'Agreement clause {number} {heading} of {agreement}',
    'clause.chipDeleted': 'Agreement clause {number} {heading} of {agreement}, since deleted',
  },
  id: {
    'clause.field': 'Pasal perjanjian', 'clause.none': 'Tanpa pasal', 'clause.deleted': 'dihapus',
    'clause.chip': 'Pasal {number} {heading} dalam {agreement}',
    'clause.chipDeleted': 'Pasal {number} {heading} dalam {agreement}, kini sudah dihapus',
  },
});

/** Removes an item's link when sent as its agreement. */
const noAgreement = '00000000-0000-0000-0000-000000000000';

/** "§5 Profit and cost sharing" linking to the agreement; struck through and marked when the clause was deleted. */
export function clauseChip(pid, clause) {
  if (!clause) return '';
  const words = { number: clause.number, heading: clause.heading, agreement: clause.agreementTitle };
  const name = `§${clause.number} ${clause.heading}`;
  const href = `/p/${pid}/agreements/${clause.agreementId}`;
  return html`<a class="clause-chip ${clause.deleted ? 'deleted' : ''}" href="${href}"
    title="${clause.agreementTitle}" data-clause="${clause.number}"
    aria-label="${t(clause.deleted ? 'clause.chipDeleted' : 'clause.chip', words)}">${clause.deleted
    ? html`<del>${name}</del> <span class="clause-gone">${t('clause.deleted')}</span>` : name}</a>`;
}

/**
 * Every clause of the partnership's agreements (amendments are read through their agreement's consolidated text):
 * { agreementId, agreementTitle, number, title }.
 */
export async function clauseList(pid) {
  const agreements = (await get(`/api/partnerships/${pid}/agreements`)).filter(a => !a.amendsId);
  const lists = await Promise.all(agreements.map(a => get(`/api/partnerships/${pid}/agreements/${a.id}/clauses`)));
  return agreements.flatMap((a, i) => lists[i].map(c => ({
    agreementId: a.id, agreementTitle: a.title, number: c.number, title: c.title,
  })));
}

/** Every clause as options "agreement|number" naming both the agreement and a clause that exists. */
export async function clauseOptions(pid) {
  // Numbers are typed in the headings, so two clauses may share one while a party renumbers; the server links the
  // first of them, and so the picker offers only that one.
  const options = (await clauseList(pid)).map(c => ({
    value: `${c.agreementId}|${c.number}`, label: `${c.agreementTitle} § ${c.number} ${c.title}`,
  }));
  return options.filter((o, i) => options.findIndex(x => x.value === o.value) === i);
}

/**
 * The picker's value for a link: "agreement|number" ("…|deleted" for a deleted clause, whose number another clause
 * may now carry), or null for none (as an empty select reads).
 */
export const clauseValue = clause => (clause
  ? `${clause.agreementId}|${clause.number}${clause.deleted ? '|deleted' : ''}` : null);

/**
 * The dialog field "Agreement clause" for an item or decision linked to `current` (or nothing). A link to a deleted
 * clause stays offered as it is, so saving other changes never drops it unasked.
 */
export async function clauseField(pid, current) {
  const options = await clauseOptions(pid);
  const value = clauseValue(current) ?? '';
  const label = current && `${current.agreementTitle} § ${current.number} ${current.heading}`;
  const linked = !current?.deleted && options.find(o => o.value === value);
  if (current && linked) linked.label = label;
  else if (current) options.unshift({ value, label: `${label} · ${t('clause.deleted')}` });
  return { name: 'clause', label: t('clause.field'), type: 'select', value,
    options: [{ value: '', label: t('clause.none') }, ...options] };
}

/**
 * What to send for the picked value: nothing when unchanged (the server keeps the link), the all-zero agreement to
 * remove a link, else the agreement and the clause's current number.
 */
export function clauseInput(picked, current) {
  const value = picked ?? '';
  if (value === (clauseValue(current) ?? '')) return undefined;
  if (!value) return { agreementId: noAgreement, number: '0' };
  const [agreementId, number] = value.split('|');
  return { agreementId, number };
}
