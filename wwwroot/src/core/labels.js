// Shared labels of enumerations, in both languages.
import { addMessages, t } from './i18n.js';

addMessages({
  en: {
    'status.Open': 'Open', 'status.InProgress': 'In progress', 'status.Blocked': 'Blocked', 'status.Done': 'Done',
    'goal.NotStarted': 'Not started', 'goal.OnTrack': 'On track', 'goal.AtRisk': 'At risk',
    'goal.OffTrack': 'Off track',
    'goal.Achieved': 'Achieved', 'goal.Dropped': 'Dropped',
    'rag.None': 'No data', 'rag.Green': 'On track', 'rag.Amber': 'At risk', 'rag.Red': 'Behind',
    'dir.HigherIsBetter': 'Higher is better', 'dir.LowerIsBetter': 'Lower is better',
    'role.Owner': 'Owner', 'role.Editor': 'Editor', 'role.Commenter': 'Commenter', 'role.Viewer': 'Viewer',
    'common.save': 'Save', 'common.cancel': 'Cancel', 'common.delete': 'Delete', 'common.edit': 'Edit',
    'common.none': '—',
    'common.conflict': '{name} changed this in the meantime. Their version is shown; make your change again if it '
      + 'still applies.',
    'common.someone': 'Someone',
  },
  id: {
    'status.Open': 'Terbuka', 'status.InProgress': 'Dikerjakan', 'status.Blocked': 'Terhambat',
    'status.Done': 'Selesai',
    'goal.NotStarted': 'Belum dimulai', 'goal.OnTrack': 'Sesuai rencana', 'goal.AtRisk': 'Berisiko',
    'goal.OffTrack': 'Meleset dari rencana',
    'goal.Achieved': 'Tercapai', 'goal.Dropped': 'Dibatalkan',
    'rag.None': 'Belum ada data', 'rag.Green': 'Sesuai rencana', 'rag.Amber': 'Berisiko', 'rag.Red': 'Tertinggal',
    'dir.HigherIsBetter': 'Makin tinggi makin baik', 'dir.LowerIsBetter': 'Makin rendah makin baik',
    'role.Owner': 'Pemilik', 'role.Editor': 'Editor', 'role.Commenter': 'Pemberi komentar', 'role.Viewer': 'Pembaca',
    'common.save': 'Simpan', 'common.cancel': 'Batal', 'common.delete': 'Hapus', 'common.edit': 'Ubah',
    'common.none': '—',
    'common.conflict': '{name} mengubah ini lebih dulu. Versi mereka ditampilkan; ulangi perubahan Anda bila masih '
      + 'perlu.',
    'common.someone': 'Seseorang',
  },
});

export const actionStatuses = ['Open', 'InProgress', 'Blocked', 'Done'];
export const goalStatuses = ['NotStarted', 'OnTrack', 'AtRisk', 'OffTrack', 'Achieved', 'Dropped'];
export const statusLabel = s => t(`status.${s}`);
export const goalLabel = s => t(`goal.${s}`);
export const ragLabel = s => t(`rag.${s}`);
export const roleLabel = role => t(`role.${role}`);

/** Today as yyyy-mm-dd in local time. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDays(isoDate, days) {
  const d = new Date(`${isoDate}T00:00:00`);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const isOverdue = item => item.status !== 'Done' && !!item.dueDate && item.dueDate < today();
