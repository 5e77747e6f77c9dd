// The words of the files section, in English and Bahasa Indonesia.
import { addMessages } from '../../core/i18n.js';

addMessages({
  en: {
    'files.title': 'Files',
    'files.intro': 'Files every party of the partnership can download. Link one from a document with “Copy link”.',
    'files.upload': 'Upload files', 'files.drop': 'or drop files here',
    'files.viewerNote': 'Viewers can download files but not upload them.',
    'files.none': 'No files yet.', 'files.usage': '{used} of {quota} used · at most {max} per file',
    'files.by': '{name} · {party}', 'files.download': 'Download', 'files.copy': 'Copy link',
    'files.copied': 'Markdown link copied: paste it into a document.',
    'files.delete': 'Delete', 'files.deleteTitle': 'Delete “{name}”?',
    'files.deleteConfirm': 'The file is removed for every party. This cannot be undone.',
    'files.deleted': 'File deleted.',
    'files.uploading': 'Uploading {done} of {size}', 'files.uploaded': 'Uploaded',
    'files.cancel': 'Cancel', 'files.cancelled': 'Cancelled', 'files.dismiss': 'Dismiss',
    'files.tooLarge': '“{name}” is too large: at most {max} per file.',
    'files.progress': 'Upload of {name}',
    'files.tile': 'Shared files ({n})', 'files.all': 'All files',
  },
  id: {
    'files.title': 'Berkas',
    'files.intro': 'Berkas yang dapat diunduh setiap pihak dalam kemitraan. Tautkan ke dokumen dengan '
      + '“Salin tautan”.',
    'files.upload': 'Unggah berkas', 'files.drop': 'atau letakkan berkas di sini',
    'files.viewerNote': 'Pembaca dapat mengunduh berkas, tetapi tidak dapat mengunggah.',
    'files.none': 'Belum ada berkas.', 'files.usage': '{used} dari {quota} terpakai · maksimal {max} per berkas',
    'files.by': '{name} · {party}', 'files.download': 'Unduh', 'files.copy': 'Salin tautan',
    'files.copied': 'Tautan Markdown disalin: tempelkan ke dokumen.',
    'files.delete': 'Hapus', 'files.deleteTitle': 'Hapus “{name}”?',
    'files.deleteConfirm': 'Berkas dihapus untuk semua pihak. Tindakan ini tidak dapat dibatalkan.',
    'files.deleted': 'Berkas dihapus.',
    'files.uploading': 'Mengunggah {done} dari {size}', 'files.uploaded': 'Terunggah',
    'files.cancel': 'Batalkan', 'files.cancelled': 'Dibatalkan', 'files.dismiss': 'Tutup',
    'files.tooLarge': '“{name}” terlalu besar: maksimal {max} per berkas.',
    'files.progress': 'Unggahan {name}',
    'files.tile': 'Berkas bersama ({n})', 'files.all': 'Semua berkas',
  },
});
