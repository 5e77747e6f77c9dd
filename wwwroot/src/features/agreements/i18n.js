// Words of the agreements pages, in English and Bahasa Indonesia.
export const agreementMessages = {
  en: {
    'agr.title': 'Agreements', 'agr.new': 'New agreement', 'agr.none': 'No agreements yet. Start one from the '
      + 'template: '
      + 'parties, shared goals, roles, contributions, profit sharing, intellectual property, confidentiality, term, '
      + 'termination, dispute resolution and amendments.',
    'agr.name': 'Title', 'agr.language': 'Template language', 'agr.lang.en': 'English', 'agr.lang.id': 'Bahasa '
      + 'Indonesia',
    'agr.create': 'Create', 'agr.back': 'All agreements', 'agr.rowMeta': 'In {language} · started {date}',
    'agr.status.draft': 'Draft', 'agr.status.review': 'In review', 'agr.status.signed': 'Signed',
    'agr.status.terminated': 'Terminated', 'agr.amendment': 'Amendment {n}', 'agr.awaitsYou': 'Awaiting your approval',
    'agr.editText': 'Edit the text', 'agr.readText': 'Open the text', 'agr.sendForReview': 'Send for approval',
    'agr.backToDraft': 'Back to draft', 'agr.approve': 'Approve revision {revision}', 'agr.terminate': 'Terminate',
    'agr.amend': 'Start an amendment', 'agr.terminateConfirm': 'Terminate this agreement for every party?',
    'agr.revision': 'Revision {revision}', 'agr.hash': 'SHA-256: {hash}',
    'agr.approvals': 'Approvals (round {round})', 'agr.approvedBy': 'Approved by {name}, {when}, revision {revision}',
    'agr.waiting': 'Waiting for approval', 'agr.signatories': 'Signs: {names}', 'agr.noSignatory': 'No signatory yet',
    'agr.reset': 'The approvals were reset: {name} edited the text on {when} (revision {revision}), after {voided} '
      + 'had approved. '
      + 'Every party approves again.',
    'agr.withdrawn': '{name} took the agreement back to draft on {when}; the approvals of {voided} were dropped.',
    'agr.draftNote': 'Edit the text together; when it is ready, send it for approval. Each party then approves one '
      + 'exact revision.',
    'agr.reviewNote': 'Each party approves the revision shown. Any edit resets every approval.',
    'agr.signedNote': 'Signed by every party: the text is read-only. Change it with a numbered amendment.',
    'agr.asAmended': 'The agreement as amended up to amendment {n}. Each amendment has its own signature page.',
    'agr.text': 'Text', 'agr.clauses': 'Clauses', 'agr.amendedBy': 'changed by amendment {n}',
    'agr.signaturePage': 'Signature page', 'agr.signedFor': '{party}: {name}, {when}',
    'agr.signedRevision': 'Signed revision {revision}', 'agr.exportHtml': 'Download HTML', 'agr.exportPdf':
      'Download PDF',
    'agr.amendments': 'Amendments', 'agr.noAmendments': 'No amendments.',
    'agr.noOtherAmendments': 'No other amendments.', 'agr.amends': 'Amends “{title}”',
    'agr.compare': 'Compare', 'agr.compareFrom': 'From revision', 'agr.compareTo': 'To revision',
    'agr.compareSigned': 'The signed text', 'agr.show': 'Show',
    'agr.inline': 'Inline', 'agr.sideBySide': 'Side by side', 'agr.diffCount': '{inserted} words added, {deleted} '
      + 'removed',
    'agr.diffSide': '{side} ({name})', 'agr.signedText': 'signed text',
    'agr.unchangedLines': '… {n} unchanged lines …', 'agr.rev': 'revision {revision}',
    'agr.diffCoarse': 'Too many changes to mark word by word; changed lines are shown whole.',
    'agr.toAgreement': 'The agreement',
    'agr.diffOld': 'Before', 'agr.diffNew': 'After', 'agr.inserted': 'added', 'agr.deleted': 'removed',
    'agr.obligations': 'Obligations', 'agr.noObligations': 'No dated obligations yet.',
    'agr.addObligation': 'Add an obligation', 'agr.obl.clause': 'Clause number', 'agr.obl.title': 'What is due',
    'agr.obl.party': 'Responsible organisation', 'agr.obl.schedule': 'Repeats', 'agr.obl.start': 'Start (first period)',
    'agr.obl.offset': 'Due this many days after each period ends', 'agr.obl.occurrences': 'How many times',
    'agr.obl.once': 'Once (due on the start date plus the days)', 'agr.obl.monthly': 'Every month',
    'agr.obl.quarterly': 'Every quarter', 'agr.obl.yearly': 'Every year',
    'agr.obl.head': '§{clause} · {title}', 'agr.obl.who': '{party} · {schedule}',
    'agr.obl.item': 'due {due} · {owner} · {status}',
    'agr.tile.title': 'Agreements', 'agr.tile.awaiting': 'Awaiting your approval', 'agr.tile.due': 'Obligations due '
      + 'soon',
    'agr.tile.none': 'Nothing awaits you.', 'agr.live': 'The agreement changed: {status}.',
    'agr.sig.byDefault': '(its admins, by default)', 'agr.sig.change': 'Change signatories',
    'agr.sig.changeFor': 'Change signatories of {party}', 'agr.sig.title': 'Who signs for {party}',
    'agr.sig.note': 'Tick the people who may approve and sign for {party}. With nobody ticked, its admins sign.',
    'agr.sig.who': 'Authorised signatories', 'agr.sig.admin': '{name} (admin)', 'agr.sig.save': 'Save signatories',
    'agr.sig.saved': 'The signatories of {party} are saved.',
  },
  id: {
    'agr.title': 'Perjanjian', 'agr.new': 'Perjanjian baru', 'agr.none': 'Belum ada perjanjian. Mulailah dari templat: '
      + 'para pihak, tujuan bersama, peran, kontribusi, pembagian keuntungan, hak kekayaan intelektual, kerahasiaan, '
      + 'jangka waktu, pengakhiran, penyelesaian sengketa, dan perubahan.',
    'agr.name': 'Judul', 'agr.language': 'Bahasa templat', 'agr.lang.en': 'Bahasa Inggris', 'agr.lang.id': 'Bahasa '
      + 'Indonesia',
    'agr.create': 'Buat', 'agr.back': 'Semua perjanjian', 'agr.rowMeta': 'Dalam {language} · dimulai {date}',
    'agr.status.draft': 'Draf', 'agr.status.review': 'Dalam peninjauan', 'agr.status.signed': 'Ditandatangani',
    'agr.status.terminated': 'Diakhiri', 'agr.amendment': 'Adendum {n}', 'agr.awaitsYou': 'Menunggu persetujuan Anda',
    'agr.editText': 'Ubah teks', 'agr.readText': 'Buka teks', 'agr.sendForReview': 'Ajukan untuk disetujui',
    'agr.backToDraft': 'Kembalikan ke draf', 'agr.approve': 'Setujui revisi {revision}', 'agr.terminate': 'Akhiri',
    'agr.amend': 'Mulai adendum', 'agr.terminateConfirm': 'Akhiri perjanjian ini untuk semua pihak?',
    'agr.revision': 'Revisi {revision}', 'agr.hash': 'SHA-256: {hash}',
    'agr.approvals': 'Persetujuan (putaran {round})', 'agr.approvedBy': 'Disetujui oleh {name}, {when}, revisi '
      + '{revision}',
    'agr.waiting': 'Menunggu persetujuan', 'agr.signatories': 'Penanda tangan: {names}', 'agr.noSignatory': 'Belum '
      + 'ada penanda tangan',
    'agr.reset': 'Persetujuan diulang: {name} mengubah teks pada {when} (revisi {revision}) setelah {voided} '
      + 'menyetujui. '
      + 'Semua pihak perlu menyetujui lagi.',
    'agr.withdrawn': '{name} mengembalikan perjanjian ke draf pada {when}; persetujuan {voided} dibatalkan.',
    'agr.draftNote': 'Susun teksnya bersama; bila sudah siap, ajukan untuk disetujui. Setiap pihak lalu menyetujui '
      + 'satu revisi yang sama persis.',
    'agr.reviewNote': 'Setiap pihak menyetujui revisi yang ditampilkan. Setiap perubahan teks membatalkan semua '
      + 'persetujuan.',
    'agr.signedNote': 'Sudah ditandatangani semua pihak: teks tidak dapat diubah. Ubahlah melalui adendum bernomor.',
    'agr.asAmended': 'Perjanjian sebagaimana diubah sampai dengan adendum {n}. Setiap adendum memiliki halaman '
      + 'tanda tangannya sendiri.',
    'agr.text': 'Teks', 'agr.clauses': 'Pasal', 'agr.amendedBy': 'diubah oleh adendum {n}',
    'agr.signaturePage': 'Halaman tanda tangan', 'agr.signedFor': '{party}: {name}, {when}',
    'agr.signedRevision': 'Revisi yang ditandatangani: {revision}', 'agr.exportHtml': 'Unduh HTML', 'agr.exportPdf':
      'Unduh PDF',
    'agr.amendments': 'Adendum', 'agr.noAmendments': 'Belum ada adendum.',
    'agr.noOtherAmendments': 'Tidak ada adendum lain.', 'agr.amends': 'Mengubah “{title}”',
    'agr.compare': 'Bandingkan', 'agr.compareFrom': 'Dari revisi', 'agr.compareTo': 'Sampai revisi',
    'agr.compareSigned': 'Teks yang ditandatangani', 'agr.show': 'Tampilkan',
    'agr.inline': 'Dalam satu teks', 'agr.sideBySide': 'Berdampingan', 'agr.diffCount': '{inserted} kata '
      + 'ditambahkan, {deleted} dihapus',
    'agr.diffSide': '{side} ({name})', 'agr.signedText': 'teks yang ditandatangani',
    'agr.unchangedLines': '… {n} baris tidak berubah …', 'agr.rev': 'revisi {revision}',
    'agr.diffCoarse': 'Perubahannya terlalu banyak untuk ditandai kata demi kata; baris yang berubah ditampilkan utuh.',
    'agr.toAgreement': 'Perjanjian',
    'agr.diffOld': 'Sebelum', 'agr.diffNew': 'Sesudah', 'agr.inserted': 'ditambahkan', 'agr.deleted': 'dihapus',
    'agr.obligations': 'Kewajiban', 'agr.noObligations': 'Belum ada kewajiban bertanggal.',
    'agr.addObligation': 'Tambah kewajiban', 'agr.obl.clause': 'Nomor pasal', 'agr.obl.title': 'Yang harus diserahkan',
    'agr.obl.party': 'Organisasi yang bertanggung jawab', 'agr.obl.schedule': 'Berulang', 'agr.obl.start': 'Mulai '
      + '(periode pertama)',
    'agr.obl.offset': 'Jatuh tempo sekian hari setelah periode berakhir', 'agr.obl.occurrences': 'Berapa kali',
    'agr.obl.once': 'Sekali (tanggal mulai ditambah jumlah hari)', 'agr.obl.monthly': 'Setiap bulan',
    'agr.obl.quarterly': 'Setiap triwulan', 'agr.obl.yearly': 'Setiap tahun',
    'agr.obl.head': '§{clause} · {title}', 'agr.obl.who': '{party} · {schedule}',
    'agr.obl.item': 'jatuh tempo {due} · {owner} · {status}',
    'agr.tile.title': 'Perjanjian', 'agr.tile.awaiting': 'Menunggu persetujuan Anda', 'agr.tile.due': 'Kewajiban '
      + 'yang segera jatuh tempo',
    'agr.tile.none': 'Tidak ada yang menunggu Anda.', 'agr.live': 'Perjanjian berubah: {status}.',
    'agr.sig.byDefault': '(adminnya, secara bawaan)', 'agr.sig.change': 'Ubah penanda tangan',
    'agr.sig.changeFor': 'Ubah penanda tangan {party}', 'agr.sig.title': 'Penanda tangan untuk {party}',
    'agr.sig.note': 'Centang orang yang berwenang menyetujui dan menandatangani atas nama {party}. Bila tidak ada '
      + 'yang dicentang, adminnya yang menandatangani.',
    'agr.sig.who': 'Penanda tangan yang berwenang', 'agr.sig.admin': '{name} (admin)',
    'agr.sig.save': 'Simpan penanda tangan', 'agr.sig.saved': 'Penanda tangan {party} sudah disimpan.',
  },
};
