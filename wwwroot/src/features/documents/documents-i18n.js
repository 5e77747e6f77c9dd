// Words of the document pages in both languages.
export const documentMessages = {
  en: {
    'docs.title': 'Plan & documents', 'docs.none': 'No documents yet.', 'docs.new': 'New document', 'docs.name': 'Title',
    'docs.create': 'Create', 'docs.rename': 'Rename', 'docs.delete': 'Delete', 'docs.updated': 'Updated {when}',
    'docs.confirmDelete': 'Delete “{title}”?', 'docs.newTitle': 'New title', 'docs.back': 'All documents',
    'docs.preview': 'Preview', 'docs.saved': 'Saved', 'docs.saving': 'Saving…', 'docs.offline': 'Offline — {n} changes pending',
    'docs.offlineSaved': 'Offline', 'docs.readOnly': 'Read only', 'docs.deleted': 'This document was deleted.',
    'docs.text': 'Document text',
    'docs.here': 'Here now', 'docs.rejected': 'A change was refused: {message}', 'docs.loading': 'Loading…', 'docs.openItem': 'Open action item A{number}',
    'docs.edit': 'Edit', 'docs.hint.title': 'Write in Markdown:',
    'docs.hint.md': '# Heading   ## Section   **bold**   _italic_   - list item   [link](https://…)',
    'docs.hint.task': 'A task line becomes an action item:', 'docs.hint.example': '- [ ] Title @handle due:2026-12-15',
  },
  id: {
    'docs.title': 'Rencana & dokumen', 'docs.none': 'Belum ada dokumen.', 'docs.new': 'Dokumen baru', 'docs.name': 'Judul',
    'docs.create': 'Buat', 'docs.rename': 'Ganti nama', 'docs.delete': 'Hapus', 'docs.updated': 'Diperbarui {when}',
    'docs.confirmDelete': 'Hapus “{title}”?', 'docs.newTitle': 'Judul baru', 'docs.back': 'Semua dokumen',
    'docs.preview': 'Pratinjau', 'docs.saved': 'Tersimpan', 'docs.saving': 'Menyimpan…', 'docs.offline': 'Offline — {n} perubahan belum terkirim',
    'docs.offlineSaved': 'Offline', 'docs.readOnly': 'Hanya baca', 'docs.deleted': 'Dokumen ini telah dihapus.',
    'docs.text': 'Teks dokumen',
    'docs.here': 'Sedang di sini', 'docs.rejected': 'Perubahan ditolak: {message}', 'docs.loading': 'Memuat…', 'docs.openItem': 'Buka tugas A{number}',
    'docs.edit': 'Sunting', 'docs.hint.title': 'Tulis dengan Markdown:',
    'docs.hint.md': '# Judul   ## Bagian   **tebal**   _miring_   - butir daftar   [tautan](https://…)',
    'docs.hint.task': 'Baris tugas menjadi tugas di papan:', 'docs.hint.example': '- [ ] Judul @nama due:2026-12-15',
  },
};
