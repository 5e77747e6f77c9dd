// Manifest of the members section: organisations, members, roles and invitations.
// Loaded at start by the registry (features/index.js): keep it tiny; the pages load when a route opens.
export default {
  key: 'members',
  nav: { path: '/members', label: 'nav.members', order: 100, ready: true },
  routes: [
    { path: '/p/:pid/members', load: () => import('./members.js'), render: m => m.renderMembers },
  ],
  messages: { en: { 'nav.members': 'Members' }, id: { 'nav.members': 'Anggota' } },
  activity: {
    en: {
      'party.added': 'added the organisation {party}',
      'member.changed': 'changed {name} ({party}) from {fromRole} to {toRole}',
      'member.left': 'left the partnership ({party})',
      'member.removed': 'removed {name} ({party})',
      'member.joined': 'joined {party} as {role}, invited by {inviter}',
      'invitation.created': 'invited {email} into {party} as {role}',
      'invitation.revoked': 'revoked the invitation of {email} into {party}',
    },
    id: {
      'party.added': 'menambahkan organisasi {party}',
      'member.changed': 'mengubah peran {name} ({party}) dari {fromRole} menjadi {toRole}',
      'member.left': 'keluar dari kemitraan ({party})',
      'member.removed': 'mengeluarkan {name} ({party})',
      'member.joined': 'bergabung dengan {party} sebagai {role}, diundang oleh {inviter}',
      'invitation.created': 'mengundang {email} ke {party} sebagai {role}',
      'invitation.revoked': 'membatalkan undangan {email} ke {party}',
    },
  },
};
