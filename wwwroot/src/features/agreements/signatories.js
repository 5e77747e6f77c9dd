// Who signs for each party. A party's admins (or an owner, as the server allows) tick its signatories; everyone
// else reads them. Nobody named means the party's admins sign, so ticking exactly the admins stays "by default".
import { html } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { formDialog } from '../../core/dialog.js';
import { myMembership } from '../../core/session.js';

/** True when I may name the signatories of this party. */
export function mayName(partyId) {
  const me = myMembership();
  return !!me && (me.role === 'Owner' || (me.isPartyAdmin && me.partyId === partyId));
}

/** One party's signatories as a line, with the button that changes them when I may. */
export function signatoriesLine(party) {
  const names = party.signatories.map(x => x.name).join(', ');
  const byDefault = party.signatories.length > 0 && party.signatories.every(x => x.byDefault);
  return html`<span class="agr-signers">
    <span class="muted">${party.signatories.length ? t('agr.signatories', { names }) : t('agr.noSignatory')}
      ${byDefault ? html`<span class="agr-default">${t('agr.sig.byDefault')}</span>` : ''}</span>
    ${mayName(party.partyId) ? html`<button type="button" class="agr-sig-edit" data-sig-party="${party.partyId}"
      aria-label="${t('agr.sig.changeFor', { party: party.name })}">${t('agr.sig.change')}</button>` : ''}</span>`;
}

/** The dialog: the party's members as ticks; an empty choice, or exactly the admins, goes back to the default. */
export function signatoriesDialog(partnership, party, save) {
  const members = partnership.members.filter(m => m.partyId === party.partyId);
  const admins = members.filter(m => m.isPartyAdmin).map(m => m.userId).sort();
  const { dialog } = formDialog({
    title: t('agr.sig.title', { party: party.name }),
    note: t('agr.sig.note', { party: party.name }),
    submitLabel: t('agr.sig.save'),
    fields: [{
      name: 'userIds', label: t('agr.sig.who'), type: 'checks',
      value: party.signatories.map(s => s.userId).sort().join(','),
      options: members.map(m => ({ value: m.userId, label: m.isPartyAdmin
        ? t('agr.sig.admin', { name: m.displayName }) : m.displayName })),
    }],
    onSubmit: async values => {
      const chosen = values.userIds ? values.userIds.split(',') : [];
      const same = chosen.length === admins.length && chosen.every((id, i) => id === admins[i]);
      await save(same ? [] : chosen);
    },
  });
  dialog.classList.add('agr-sig-dialog');
}
