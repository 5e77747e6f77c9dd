// Activity entries in the reader's language: each kind has a sentence per language, filled from the
// entry's arguments. Entries without arguments (or of an unknown kind) show the stored English summary.
import { addMessages, t, formatDate, formatNumber } from './i18n.js';
import { statusLabel, goalLabel } from './labels.js';
import '../features/agreements/words.js';

addMessages({
  en: {
    'activity.partnership.created': 'created the partnership “{name}” for {party}',
    'activity.partnership.renamed': 'renamed the partnership from “{from}” to “{to}”',
    'activity.partnership.archived': 'archived the partnership (read-only from now on)',
    'activity.partnership.restored': 'restored the partnership from the archive',
    'activity.party.added': 'added the organisation {party}',
    'activity.member.changed': 'changed {name} ({party}) from {fromRole} to {toRole}',
    'activity.member.left': 'left the partnership ({party})',
    'activity.member.removed': 'removed {name} ({party})',
    'activity.member.joined': 'joined {party} as {role}, invited by {inviter}',
    'activity.invitation.created': 'invited {email} into {party} as {role}',
    'activity.invitation.revoked': 'revoked the invitation of {email} into {party}',
    'activity.goal.created': 'added the goal “{title}”',
    'activity.goal.updated': 'updated the goal “{title}”',
    'activity.goal.status': 'set the goal “{title}” to {status}',
    'activity.goal.deleted': 'deleted the goal “{title}”',
    'activity.kpi.created': 'added the KPI “{name}”',
    'activity.kpi.updated': 'updated the KPI “{name}”',
    'activity.kpi.deleted': 'deleted the KPI “{name}”',
    'activity.kpi.measured': 'recorded {value} {unit} for “{name}” on {date}',
    'activity.kpi.measurement-deleted': 'removed the {date} value of “{name}”',
    'activity.action.created': 'added the action item A{number} “{title}”',
    'activity.action.from-checklist': 'added the action item A{number} “{title}” from a checklist',
    'activity.action.updated': 'updated A{number} “{title}”',
    'activity.action.moved': 'moved A{number} “{title}” from {fromStatus} to {toStatus}',
    'activity.action.deleted': 'deleted the action item A{number} “{title}”',
    'activity.action.linked': 'linked A{number} “{title}” to a checklist',
    'activity.action.ticked': 'ticked A{number} “{title}” in a checklist',
    'activity.action.unticked': 'unticked A{number} “{title}” in a checklist',
    'activity.comment.added': 'commented on “{title}”',
    'activity.comment.resolved': 'resolved a comment on “{title}”',
    'activity.comment.reopened': 'reopened a comment on “{title}”',
    'activity.document.restored': 'restored an earlier version of “{title}” (revision {revision})',
  },
  id: {
    'activity.partnership.created': 'membuat kemitraan “{name}” untuk {party}',
    'activity.partnership.renamed': 'mengganti nama kemitraan dari “{from}” menjadi “{to}”',
    'activity.partnership.archived': 'mengarsipkan kemitraan (kini hanya dapat dibaca)',
    'activity.partnership.restored': 'memulihkan kemitraan dari arsip',
    'activity.party.added': 'menambahkan organisasi {party}',
    'activity.member.changed': 'mengubah peran {name} ({party}) dari {fromRole} menjadi {toRole}',
    'activity.member.left': 'keluar dari kemitraan ({party})',
    'activity.member.removed': 'mengeluarkan {name} ({party})',
    'activity.member.joined': 'bergabung dengan {party} sebagai {role}, diundang oleh {inviter}',
    'activity.invitation.created': 'mengundang {email} ke {party} sebagai {role}',
    'activity.invitation.revoked': 'membatalkan undangan {email} ke {party}',
    'activity.goal.created': 'menambahkan tujuan “{title}”',
    'activity.goal.updated': 'memperbarui tujuan “{title}”',
    'activity.goal.status': 'mengubah status tujuan “{title}” menjadi {status}',
    'activity.goal.deleted': 'menghapus tujuan “{title}”',
    'activity.kpi.created': 'menambahkan KPI “{name}”',
    'activity.kpi.updated': 'memperbarui KPI “{name}”',
    'activity.kpi.deleted': 'menghapus KPI “{name}”',
    'activity.kpi.measured': 'mencatat {value} {unit} untuk “{name}” pada {date}',
    'activity.kpi.measurement-deleted': 'menghapus nilai {date} dari “{name}”',
    'activity.action.created': 'menambahkan tugas A{number} “{title}”',
    'activity.action.from-checklist': 'menambahkan tugas A{number} “{title}” dari checklist dokumen',
    'activity.action.updated': 'memperbarui A{number} “{title}”',
    'activity.action.moved': 'memindahkan A{number} “{title}” dari {fromStatus} ke {toStatus}',
    'activity.action.deleted': 'menghapus tugas A{number} “{title}”',
    'activity.action.linked': 'menautkan A{number} “{title}” ke checklist dokumen',
    'activity.action.ticked': 'mencentang A{number} “{title}” di checklist dokumen',
    'activity.action.unticked': 'menghapus centang A{number} “{title}” di checklist dokumen',
    'activity.comment.added': 'mengomentari “{title}”',
    'activity.comment.resolved': 'menandai komentar pada “{title}” selesai',
    'activity.comment.reopened': 'membuka lagi komentar pada “{title}”',
    'activity.document.restored': 'memulihkan versi sebelumnya dari “{title}” (revisi {revision})',
  },
});

function localise(kind, key, value) {
  if (key.endsWith('Role') || key === 'role') return t(`role.${value}`);
  if (key === 'status') return kind.startsWith('goal.') ? goalLabel(value) : statusLabel(value);
  if (key === 'fromStatus' || key === 'toStatus') return statusLabel(value);
  if (key === 'value' && typeof value === 'number') return formatNumber(value);
  if (key === 'date') return formatDate(value);
  return value;
}

/** The sentence after the actor's name, in the current language. */
export function activitySentence(entry) {
  const key = `activity.${entry.kind}`;
  const template = t(key);
  if (template === key) return entry.summary;
  let args;
  try { args = JSON.parse(entry.args || '{}'); } catch { return entry.summary; }
  const needed = [...template.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
  if (needed.some(n => !(n in args))) return entry.summary;
  const values = Object.fromEntries(needed.map(n => [n, localise(entry.kind, n, args[n])]));
  return t(key, values);
}

