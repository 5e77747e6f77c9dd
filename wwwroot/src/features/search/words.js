// The words of search, in English and Bahasa Indonesia (the box is on every page, so they load at start).
export const messages = {
  en: {
    'search.label': 'Search this partnership', 'search.placeholder': 'Search…', 'search.open': 'Search',
    'search.title': 'Search', 'search.go': 'Search', 'search.searching': 'Searching…',
    'search.hint': 'Type a few words: everything with all of them is found (press / anywhere to search).',
    'search.none': 'Nothing found for “{q}”. Try other or fewer words.',
    'search.found': '{n} results for “{q}”',
    'search.more': 'Only the first {n} are shown: add a word to narrow it down.',
    'search.kind.documents': 'Documents', 'search.kind.goals': 'Goals & KPIs', 'search.kind.actions': 'Action items',
    'search.kind.meetings': 'Meetings', 'search.kind.agreements': 'Agreements', 'search.kind.disputes': 'Disputes',
    'search.kind.reviews': 'Reviews', 'search.kind.files': 'Files',
    'search.part.kpi': 'KPI', 'search.part.agenda': 'Agenda item', 'search.part.decision': 'Decision',
    'search.part.change': 'Agreed change', 'search.line': 'line {line}', 'search.under': 'under “{heading}”',
    'field.q': 'A search',
  },
  id: {
    'search.label': 'Cari di kemitraan ini', 'search.placeholder': 'Cari…', 'search.open': 'Cari',
    'search.title': 'Pencarian', 'search.go': 'Cari', 'search.searching': 'Mencari…',
    'search.hint': 'Ketik beberapa kata: semua yang memuat semua kata itu akan ditemukan (tekan / di mana saja '
      + 'untuk mencari).',
    'search.none': 'Tidak ada hasil untuk “{q}”. Coba kata lain atau lebih sedikit kata.',
    'search.found': '{n} hasil untuk “{q}”',
    'search.more': 'Hanya {n} hasil pertama yang ditampilkan: tambahkan kata untuk mempersempit.',
    'search.kind.documents': 'Dokumen', 'search.kind.goals': 'Tujuan & KPI', 'search.kind.actions': 'Tindak lanjut',
    'search.kind.meetings': 'Rapat', 'search.kind.agreements': 'Perjanjian', 'search.kind.disputes': 'Sengketa',
    'search.kind.reviews': 'Tinjauan', 'search.kind.files': 'Berkas',
    'search.part.kpi': 'Indikator (KPI)', 'search.part.agenda': 'Butir agenda', 'search.part.decision': 'Keputusan',
    'search.part.change': 'Perubahan yang disepakati', 'search.line': 'baris {line}',
    'search.under': 'di bawah “{heading}”', 'field.q': 'Pencarian',
  },
};
