// The server answers a refusal with a code and its arguments (ProblemDetails `code`/`args`, per field `errorCodes`,
// a hub error's JSON); here they become words in the person's language. The server's English `detail` is shown only
// for a code this catalogue does not know yet.
import { addMessages, t, formatDate, formatNumber } from './i18n.js';
import { hubError } from './hub-error.js';
import { formatBytes } from './bytes.js';
import './labels.js'; // role names for the role arguments

addMessages({
  en: {
    'error.required': '{field} is required.', 'error.tooLong': '{field} can be at most {max} characters.',
    'error.tooShort': '{field} needs at least {min} characters.',
    'error.outOfRange': '{field} must be between {min} and {max}.',
    'error.invalidEmail': 'Enter a valid e-mail address.', 'error.invalidValue': '{field} is not valid.',
    'error.notANumber': '{field} must be a number.', 'error.dateOutOfRange': '{field} must be between {min} and {max}.',
    'error.tooManyDecimals': '{field} can have at most {max} decimals.',
    'error.unreadableRequest': 'The server could not read what was sent; check the form and try again.',
    'error.cursorOutside': 'Your cursor position lay outside the document, so it was not shared.',
    'error.unknownOption': '{field}: choose one of the options.',
    'error.notAMember': 'The owner must be a member of this partnership.',
    'error.unknownMeeting': 'That meeting does not exist (it may have been deleted).',
    'error.unknownOccurrence': 'That date is not a meeting of this series.',
    'error.unknownTimeZone': 'Choose a time zone such as Europe/Amsterdam or Asia/Jakarta.',
    'error.timeSkipped': 'That time does not exist on that day in this time zone (the clocks jump forward).',
    'error.facilitatorOnly': 'Only the facilitator or an owner can change this meeting.',
    'error.meetingCancelled': 'This meeting is cancelled.',
    'error.unknownLink': 'The linked item does not exist in this partnership.',
    'error.unknownAgendaItem': 'That agenda item no longer exists.',
    'error.agendaOrderMismatch': 'The agenda changed meanwhile; reload it and move the item again.',
    'error.unknownDecision': 'That decision does not exist.',
    'error.notesNotStarted': 'No one has started the notes of this meeting yet; an editor starts them by opening it.',
    'error.minutesNotProduced': 'The minutes of this meeting have not been produced yet.',
    'error.minutesEdited': 'Someone edited the minutes document since it was produced; confirm to replace those edits '
      + '(they stay in its version history).',
    'error.unknownLanguage': 'Choose English (en) or Bahasa Indonesia (id).',
    'error.decisionSuperseded': 'That decision has already been superseded by a later one.',
    'error.runNotStarted': 'The meeting has not started yet.',
    'error.runAlreadyStarted': 'The meeting has already started.',
    'error.runEnded': 'The meeting has ended.',
    'error.agendaEmpty': 'Add at least one agenda item before starting the meeting.',
    'error.noNextItem': 'This is the last agenda item.',
    'error.noPreviousItem': 'This is the first agenda item.',
    'error.notAnAttendee': 'The facilitator role can only go to an attendee of this meeting.',
    'error.agendaItemReached': 'That agenda item was discussed; only unreached items are carried or dropped.',
    'error.unknownCalendarFeed': 'This calendar link is not valid any more.',
    'error.unknownDispute': 'That dispute does not exist in this partnership.',
    'error.unknownProposal': 'That proposal does not exist in this dispute.',
    'error.unknownMessage': 'The message you reply to does not exist in this dispute.',
    'error.unknownClause': 'That agreement or clause does not exist in this partnership.',
    'error.disputeNeedsOtherParty': 'A dispute involves at least one other organisation of the partnership.',
    'error.notInvolved': 'Your organisation is not involved in this dispute.',
    'error.alreadyAnswered': 'Your organisation has already answered this proposal.',
    'error.proposalClosed': 'This proposal is no longer open.',
    'error.disputeResolved': 'This dispute is already resolved.',
    'error.lastStep': 'This dispute is already at its last step.',
    'error.stepChanged': 'Someone moved this dispute to another step meanwhile; look again.',
    'error.stepsNeedClause': 'Steps from an agreement need the clause they come from.',
    'error.notYourProposal': 'Only the organisation that made a proposal can withdraw it.',
    'error.unknownGoal': 'That goal no longer exists (it may have been deleted).',
    'error.unknownParty': 'That organisation is not part of this partnership.',
    'error.notFound': 'Not found.', 'error.forbidden': 'You may not do this.',
    'error.editConflict': '{name} changed this in the meantime.',
    'error.tooManyRequests': 'Too many requests: wait a moment and try again.',
    'error.antiforgery': 'Your session changed: reload the page and try again.',
    'error.unexpected': 'Something went wrong on the server ({status}). Please try again.',
    'error.offline': 'No connection to the server. Please try again.',
    'error.badRequest': 'The server could not read what was sent; check the form and try again.',
    'error.wrongCredentials': 'The e-mail address or password is not right.',
    'error.signInThrottled': 'Too many failed attempts from here: wait a few minutes and try again.',
    'error.passwordTooShort': 'The password needs at least {min} characters.',
    'error.passwordTooWeak': 'This password is too easy to guess: use a longer phrase of unrelated words.',
    'error.notSignedIn': 'You are not signed in.', 'error.wrongPassword': 'The current password is not right.',
    'error.emailTaken': 'An account with this e-mail address already exists.',
    'error.passwordRejected': 'Choose a stronger password.',
    'error.externalSignInFailed': 'Signing in with the external provider did not complete.',
    'error.externalNoEmail': 'The provider did not share an e-mail address.',
    'error.externalAccountExists': 'An account with this e-mail address exists; sign in with your password first.',
    'error.unknownPartnership': 'This partnership does not exist, or you are not a member of it.',
    'error.roleTooLow': 'This needs the {needed} role; yours is {role}.',
    'error.archived': 'This partnership is archived and read-only.',
    'error.partnershipExists': 'This partnership already exists.',
    'error.partyExists': '“{name}” already takes part in this partnership.',
    'error.tooManyParties': 'A partnership can have at most {max} organisations.',
    'error.unknownMember': 'That person is not a member of this partnership.', 'error.unknownRole': 'Unknown role.',
    'error.roleAboveYours': 'You cannot give a role above your own ({role}).',
    'error.lastOwner': 'A partnership needs at least one owner.',
    'error.partyNeedsAdmin': 'Each organisation needs at least one admin.',
    'error.alreadyMember': '{email} is already a member of this partnership.',
    'error.tooManyInvitations': 'Too many pending invitations: revoke some first.',
    'error.unknownInvitation': 'There is no such open invitation.',
    'error.invitationInvalid': 'This invitation link is not valid.',
    'error.invitationUsed': 'This invitation has already been used.',
    'error.invitationRevoked': 'This invitation has been revoked.',
    'error.invitationExpired': 'This invitation has expired; ask for a new one.',
    'error.invitationForOther': 'This invitation is for {email}. Sign in with that address to accept it.',
    'error.alreadyJoined': 'You are already a member of this partnership.',
    'error.ownerOnly': 'Only an owner can do this.',
    'error.partyAdminOnly': 'Only an admin of {party} can manage its members.',
    'error.unknownItem': 'This action item no longer exists (it may have been deleted).',
    'error.unknownKpi': 'This KPI no longer exists (it may have been deleted).',
    'error.unknownMeasurement': 'This value no longer exists (it may have been deleted).',
    'error.targetBeforeStart': 'The target date must come after the start date.',
    'error.tooManyMilestones': 'A KPI takes at most {max} phased targets.',
    'error.milestonesNeedTargetDate': 'Phased targets need a target date.',
    'error.milestoneOutsidePlan': 'Phased targets fall between the start date and the target date.',
    'error.milestoneDateTaken': 'Two phased targets share a date.',
    'error.commentEmpty': 'A comment needs some text.',
    'error.passageLost': 'The selected passage has changed in the meantime; select it again.',
    'error.commentNotYours': 'Only the author of a comment (or an owner) can delete it.',
    'error.unknownDocument': 'This document does not exist, or it is no longer shared with you.',
    'error.documentExists': 'This document already exists.',
    'error.unknownRevision': 'This document has no stored version {revision}.',
    'error.documentReloading': 'The document is being reloaded after a failed save; try again in a moment.',
    'error.saveFailed': 'The change could not be saved yet; it will be tried again.',
    'error.invalidClientId': 'The editor sent an invalid id; reload the page.',
    'error.clientIdTaken': 'This editor id belongs to someone else; the edit is sent again under a new one.',
    'error.invalidClientSeq': 'The editor sent an edit number out of order; reload the page.',
    'error.invalidOperation': 'The server could not read an edit; the document was reloaded.',
    'error.operationTooLarge': 'An edit of more than {max} characters at once is not accepted; paste it in parts.',
    'error.operationTooLarge.parts': 'This edit is too large to send at once; paste it in parts.',
    'error.documentTooLong': 'The document would exceed its limit of {max} characters.',
    'error.openFirst': 'Open the document first.', 'error.resync': 'Catching up with the latest version…',
    'error.slowDown': 'Too many changes at once: slowing down.',
    'error.unsentLost': '{count} unsent changes no longer fit the document and could not be merged.',
    'error.this': 'This field',
    'field.title': 'Title', 'field.notes': 'Notes', 'field.ownerUserId': 'Owner', 'field.dueDate': 'Due date',
    'field.status': 'Status', 'field.goalId': 'Goal', 'field.name': 'Name', 'field.unit': 'Unit',
    'field.target': 'Target',
    'field.baseline': 'Baseline', 'field.direction': 'Direction', 'field.ownerPartyId': 'Owning organisation',
    'field.description': 'Description', 'field.successCriteria': 'Success criteria', 'field.value': 'Value',
    'field.date': 'Date', 'field.note': 'Note', 'field.email': 'E-mail address', 'field.password': 'Password',
    'field.displayName': 'Your name', 'field.organisation': 'Organisation', 'field.currentPassword': 'Current password',
    'field.newPassword': 'New password', 'field.body': 'Comment', 'field.quote': 'Quote', 'field.anchor': 'Passage',
    'field.markdown': 'Text', 'field.role': 'Role', 'field.sortOrder': 'Position', 'field.partyId': 'Organisation',
    'field.meetingId': 'Meeting', 'field.documentId': 'Document', 'field.owner': 'Owner', 'field.party': 'Organisation',
    'field.version': 'Version',
  },
  id: {
    'error.required': '{field} wajib diisi.', 'error.tooLong': '{field} maksimal {max} karakter.',
    'error.tooShort': '{field} minimal {min} karakter.', 'error.outOfRange': '{field} harus antara {min} dan {max}.',
    'error.invalidEmail': 'Masukkan alamat e-mail yang benar.', 'error.invalidValue': '{field} tidak valid.',
    'error.notANumber': '{field} harus berupa angka.', 'error.dateOutOfRange': '{field} harus antara {min} dan {max}.',
    'error.tooManyDecimals': '{field} maksimal {max} angka di belakang koma.',
    'error.unreadableRequest': 'Server tidak dapat membaca data yang dikirim. Periksa formulir, lalu coba lagi.',
    'error.cursorOutside': 'Posisi kursor Anda berada di luar dokumen, sehingga tidak dibagikan.',
    'error.unknownOption': '{field}: pilih salah satu pilihan yang tersedia.',
    'error.notAMember': 'Penanggung jawab harus anggota kemitraan ini.',
    'error.unknownMeeting': 'Rapat itu tidak ada (mungkin sudah dihapus).',
    'error.unknownOccurrence': 'Tanggal itu bukan jadwal rapat dalam seri ini.',
    'error.unknownTimeZone': 'Pilih zona waktu seperti Asia/Jakarta atau Europe/Amsterdam.',
    'error.timeSkipped': 'Jam itu tidak ada pada hari tersebut di zona waktu ini (jam dimajukan).',
    'error.facilitatorOnly': 'Hanya fasilitator atau pemilik yang dapat mengubah rapat ini.',
    'error.meetingCancelled': 'Rapat ini dibatalkan.',
    'error.unknownLink': 'Item yang ditautkan tidak ada di kemitraan ini.',
    'error.unknownAgendaItem': 'Butir agenda itu sudah tidak ada.',
    'error.agendaOrderMismatch': 'Agenda sudah berubah; muat ulang lalu pindahkan butirnya lagi.',
    'error.unknownDecision': 'Keputusan itu tidak ada.',
    'error.notesNotStarted': 'Belum ada yang memulai notula rapat ini; editor memulainya dengan membuka rapat.',
    'error.minutesNotProduced': 'Risalah rapat ini belum dibuat.',
    'error.minutesEdited': 'Seseorang telah menyunting dokumen risalah sejak dibuat; konfirmasi untuk menggantinya '
      + '(suntingan itu tetap tersimpan di riwayat versi).',
    'error.unknownLanguage': 'Pilih English (en) atau Bahasa Indonesia (id).',
    'error.decisionSuperseded': 'Keputusan itu sudah digantikan oleh keputusan yang lebih baru.',
    'error.runNotStarted': 'Rapat belum dimulai.',
    'error.runAlreadyStarted': 'Rapat sudah dimulai.',
    'error.runEnded': 'Rapat sudah selesai.',
    'error.agendaEmpty': 'Tambahkan minimal satu butir agenda sebelum rapat dimulai.',
    'error.noNextItem': 'Ini butir agenda terakhir.',
    'error.noPreviousItem': 'Ini butir agenda pertama.',
    'error.notAnAttendee': 'Peran fasilitator hanya dapat diserahkan kepada peserta rapat ini.',
    'error.agendaItemReached':
      'Butir agenda itu sudah dibahas; hanya butir yang belum dibahas yang dapat dibawa atau dihapus.',
    'error.unknownCalendarFeed': 'Tautan kalender ini sudah tidak berlaku.',
    'error.unknownDispute': 'Sengketa itu tidak ada di kemitraan ini.',
    'error.unknownProposal': 'Usulan itu tidak ada di sengketa ini.',
    'error.unknownMessage': 'Pesan yang Anda balas tidak ada di sengketa ini.',
    'error.unknownClause': 'Perjanjian atau pasal itu tidak ada di kemitraan ini.',
    'error.disputeNeedsOtherParty': 'Sengketa melibatkan setidaknya satu organisasi lain dalam kemitraan.',
    'error.notInvolved': 'Organisasi Anda tidak terlibat dalam sengketa ini.',
    'error.alreadyAnswered': 'Organisasi Anda sudah menanggapi usulan ini.',
    'error.proposalClosed': 'Usulan ini sudah tidak terbuka lagi.',
    'error.disputeResolved': 'Sengketa ini sudah diselesaikan.',
    'error.lastStep': 'Sengketa ini sudah berada di tahap terakhir.',
    'error.stepChanged': 'Orang lain baru saja memindahkan sengketa ini ke tahap lain; silakan periksa kembali.',
    'error.stepsNeedClause': 'Tahapan dari perjanjian memerlukan pasal asalnya.',
    'error.notYourProposal': 'Hanya organisasi pengusul yang dapat menarik usulannya.',
    'error.unknownGoal': 'Tujuan itu sudah tidak ada (mungkin sudah dihapus).',
    'error.unknownParty': 'Organisasi itu tidak tergabung dalam kemitraan ini.',
    'error.notFound': 'Tidak ditemukan.', 'error.forbidden': 'Anda tidak berwenang melakukan ini.',
    'error.editConflict': '{name} sudah mengubah ini lebih dulu.',
    'error.tooManyRequests': 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
    'error.antiforgery': 'Sesi Anda berubah. Muat ulang halaman, lalu coba lagi.',
    'error.unexpected': 'Terjadi gangguan di server ({status}). Silakan coba lagi.',
    'error.offline': 'Tidak ada koneksi ke server. Silakan coba lagi.',
    'error.badRequest': 'Server tidak dapat membaca data yang dikirim. Periksa isian, lalu coba lagi.',
    'error.wrongCredentials': 'Alamat e-mail atau kata sandi salah.',
    'error.signInThrottled': 'Terlalu banyak percobaan gagal dari sini: tunggu beberapa menit, lalu coba lagi.',
    'error.passwordTooShort': 'Kata sandi minimal {min} karakter.',
    'error.passwordTooWeak': 'Kata sandi ini terlalu mudah ditebak: gunakan frasa yang lebih panjang dari kata-kata '
      + 'yang tidak saling berkaitan.',
    'error.notSignedIn': 'Anda belum masuk.', 'error.wrongPassword': 'Kata sandi saat ini salah.',
    'error.emailTaken': 'Sudah ada akun dengan alamat e-mail ini.',
    'error.passwordRejected': 'Pilih kata sandi yang lebih kuat.',
    'error.externalSignInFailed': 'Masuk melalui penyedia eksternal tidak berhasil.',
    'error.externalNoEmail': 'Penyedia tidak membagikan alamat e-mail.',
    'error.externalAccountExists': 'Sudah ada akun dengan alamat e-mail ini. Masuk dulu dengan kata sandi Anda.',
    'error.unknownPartnership': 'Kemitraan ini tidak ada, atau Anda bukan anggotanya.',
    'error.roleTooLow': 'Tindakan ini memerlukan peran {needed}; peran Anda {role}.',
    'error.archived': 'Kemitraan ini sudah diarsipkan dan hanya dapat dibaca.',
    'error.partnershipExists': 'Kemitraan ini sudah ada.',
    'error.partyExists': '“{name}” sudah tergabung dalam kemitraan ini.',
    'error.tooManyParties': 'Satu kemitraan paling banyak beranggotakan {max} organisasi.',
    'error.unknownMember': 'Orang itu bukan anggota kemitraan ini.', 'error.unknownRole': 'Peran tidak dikenal.',
    'error.roleAboveYours': 'Anda tidak dapat memberikan peran yang lebih tinggi dari peran Anda ({role}).',
    'error.lastOwner': 'Kemitraan harus memiliki setidaknya satu pemilik.',
    'error.partyNeedsAdmin': 'Setiap organisasi harus memiliki setidaknya satu admin.',
    'error.alreadyMember': '{email} sudah menjadi anggota kemitraan ini.',
    'error.tooManyInvitations': 'Terlalu banyak undangan yang belum dijawab. Batalkan sebagian terlebih dahulu.',
    'error.unknownInvitation': 'Undangan itu tidak ada atau sudah tidak berlaku.',
    'error.invitationInvalid': 'Tautan undangan ini tidak berlaku.',
    'error.invitationUsed': 'Undangan ini sudah digunakan.',
    'error.invitationRevoked': 'Undangan ini sudah dibatalkan.',
    'error.invitationExpired': 'Undangan ini sudah kedaluwarsa. Mintalah undangan baru.',
    'error.invitationForOther': 'Undangan ini ditujukan untuk {email}. Masuklah dengan alamat itu untuk menerimanya.',
    'error.alreadyJoined': 'Anda sudah menjadi anggota kemitraan ini.',
    'error.ownerOnly': 'Hanya pemilik yang dapat melakukan ini.',
    'error.partyAdminOnly': 'Hanya admin {party} yang dapat mengelola anggotanya.',
    'error.unknownItem': 'Tugas ini sudah tidak ada (mungkin sudah dihapus).',
    'error.unknownKpi': 'KPI ini sudah tidak ada (mungkin sudah dihapus).',
    'error.unknownMeasurement': 'Nilai ini sudah tidak ada (mungkin sudah dihapus).',
    'error.targetBeforeStart': 'Tanggal target harus setelah tanggal mulai.',
    'error.tooManyMilestones': 'Satu KPI paling banyak memiliki {max} target bertahap.',
    'error.milestonesNeedTargetDate': 'Target bertahap memerlukan tanggal target.',
    'error.milestoneOutsidePlan': 'Target bertahap harus berada di antara tanggal mulai dan tanggal target.',
    'error.milestoneDateTaken': 'Dua target bertahap memiliki tanggal yang sama.',
    'error.commentEmpty': 'Komentar tidak boleh kosong.',
    'error.passageLost': 'Bagian teks yang dipilih sudah berubah. Silakan pilih lagi.',
    'error.commentNotYours': 'Hanya penulis komentar (atau pemilik) yang dapat menghapusnya.',
    'error.unknownDocument': 'Dokumen ini tidak ada, atau tidak lagi dibagikan kepada Anda.',
    'error.documentExists': 'Dokumen ini sudah ada.',
    'error.unknownRevision': 'Dokumen ini tidak menyimpan versi {revision}.',
    'error.documentReloading': 'Dokumen sedang dimuat ulang setelah gagal disimpan. Coba lagi sebentar lagi.',
    'error.saveFailed': 'Perubahan belum tersimpan; akan dicoba lagi.',
    'error.invalidClientId': 'Editor mengirim identitas yang tidak valid. Muat ulang halaman.',
    'error.clientIdTaken': 'Identitas editor ini milik orang lain; perubahan dikirim ulang dengan identitas baru.',
    'error.invalidClientSeq': 'Editor mengirim nomor perubahan yang tidak berurutan. Muat ulang halaman.',
    'error.invalidOperation': 'Server tidak dapat membaca sebuah perubahan; dokumen dimuat ulang.',
    'error.operationTooLarge':
      'Lebih dari {max} karakter sekaligus tidak dapat diterima. Tempelkan sebagian demi sebagian.',
    'error.operationTooLarge.parts':
      'Terlalu besar untuk dikirim sekaligus. Tempelkan sebagian demi sebagian.',
    'error.documentTooLong': 'Dokumen akan melebihi batas {max} karakter.',
    'error.openFirst': 'Buka dokumennya terlebih dahulu.', 'error.resync': 'Menyesuaikan dengan versi terbaru…',
    'error.slowDown': 'Terlalu banyak perubahan sekaligus; pengiriman diperlambat.',
    'error.unsentLost':
      '{count} perubahan yang belum terkirim tidak lagi cocok dengan dokumen dan tidak dapat digabungkan.',
    'error.this': 'Isian ini',
    'field.title': 'Judul', 'field.notes': 'Catatan', 'field.ownerUserId': 'Penanggung jawab',
    'field.dueDate': 'Tenggat', 'field.status': 'Status', 'field.goalId': 'Tujuan', 'field.name': 'Nama',
    'field.unit': 'Satuan', 'field.target': 'Target',
    'field.baseline': 'Nilai awal', 'field.direction': 'Arah', 'field.ownerPartyId': 'Organisasi penanggung jawab',
    'field.description': 'Deskripsi', 'field.successCriteria': 'Kriteria keberhasilan', 'field.value': 'Nilai',
    'field.date': 'Tanggal', 'field.note': 'Catatan', 'field.email': 'Alamat e-mail', 'field.password': 'Kata sandi',
    'field.displayName': 'Nama Anda', 'field.organisation': 'Organisasi',
    'field.currentPassword': 'Kata sandi saat ini', 'field.newPassword': 'Kata sandi baru', 'field.body': 'Komentar',
    'field.quote': 'Kutipan', 'field.anchor': 'Bagian teks',
    'field.markdown': 'Teks', 'field.role': 'Peran', 'field.sortOrder': 'Posisi', 'field.partyId': 'Organisasi',
    'field.meetingId': 'Rapat', 'field.documentId': 'Dokumen', 'field.owner': 'Penanggung jawab',
    'field.party': 'Organisasi', 'field.version': 'Versi',
  },
});

const has = key => t(key) !== key;

/** An argument as the person reads it: numbers and dates in their format, roles in their language. */
function word(name, value) {
  const text = String(value ?? '');
  if (name.endsWith('Bytes') && /^\d+$/.test(text)) return formatBytes(Number(text));
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  if (/^-?\d+(\.\d+)?$/.test(text)) return formatNumber(Number(text));
  if ((name === 'role' || name === 'needed') && has(`role.${text}`)) return t(`role.${text}`);
  return text;
}

/** One code with its arguments (and the field it is about) in the person's language; undefined when unknown. */
export function describeCode(code, args = {}, field) {
  const fieldName = field || args?.field;
  const params = { field: fieldName && has(`field.${fieldName}`) ? t(`field.${fieldName}`) : t('error.this') };
  for (const [name, value] of Object.entries(args ?? {})) if (name !== 'field') params[name] = word(name, value);
  if (code === 'operationTooLarge' && args?.max === undefined) return t('error.operationTooLarge.parts');
  return code && has(`error.${code}`) ? t(`error.${code}`, params) : undefined;
}

/** The words for a ProblemDetails answer (or none, with its HTTP status). */
export function describeProblem(problem, status) {
  if (problem?.errorCodes) {
    const lines = Object.entries(problem.errorCodes).flatMap(([field, list]) =>
      list.map((e, i) => describeCode(e.code, e.args, field) ?? problem.errors?.[field]?.[i] ?? ''));
    if (lines.some(Boolean)) return lines.filter(Boolean).join(' ');
  }
  const known = describeCode(problem?.code, problem?.args);
  if (known) return known;
  if (problem?.errors) return Object.values(problem.errors).flat().join(' ');
  return byStatus(status) ?? problem?.detail ?? t('error.unexpected', { status });
}

function byStatus(status) {
  if (status === 0) return t('error.offline');
  if (status === 400) return t('error.badRequest');
  if (status === 401) return t('error.notSignedIn');
  if (status === 403) return t('error.forbidden');
  if (status === 404) return t('error.notFound');
  if (status === 429) return t('error.tooManyRequests');
  if (status >= 500) return t('error.unexpected', { status });
  return undefined;
}

/** The words for a hub error (or an error the editor raised itself as { code, args }). */
export function describeHubError(e) {
  const error = e?.code ? e : hubError(e);
  return describeCode(error?.code, error?.args) ?? error?.detail ?? t('error.unexpected', { status: '' });
}

// Agreements (sign-off, clauses, amendments, obligations).
addMessages({
  en: {
    'error.unknownAgreement': 'That agreement does not exist in this partnership.',
    'error.agreementSigned': 'This agreement is signed, so its text can no longer change. '
      + 'Start a numbered amendment instead.',
    'error.agreementWrongStatus': 'The agreement is not at the right stage for this '
      + '(it may have been signed or sent back to draft meanwhile); reload it.',
    'error.agreementRevisionChanged': 'The text changed before your approval arrived '
      + '(it is now at revision {revision}). Read the new text, then approve again.',
    'error.notASignatory': 'Only an authorised signatory of your organisation can do this.',
    'error.amendmentInProgress': 'An amendment of this agreement is still open; sign it first.',
    'error.notPartyAdmin': 'Only an admin of that organisation (or an owner) can name its signatories.',
  },
  id: {
    'error.unknownAgreement': 'Perjanjian itu tidak ada di kemitraan ini.',
    'error.agreementSigned': 'Perjanjian ini sudah ditandatangani sehingga teksnya tidak dapat diubah lagi. '
      + 'Buatlah adendum bernomor.',
    'error.agreementWrongStatus': 'Tahap perjanjian tidak sesuai untuk tindakan ini '
      + '(mungkin baru saja ditandatangani atau dikembalikan ke draf); muat ulang halamannya.',
    'error.agreementRevisionChanged': 'Teks berubah sebelum persetujuan Anda diterima (kini revisi {revision}). '
      + 'Baca teks yang baru, lalu setujui lagi.',
    'error.notASignatory': 'Hanya penanda tangan resmi organisasi Anda yang dapat melakukan ini.',
    'error.amendmentInProgress': 'Masih ada adendum perjanjian ini yang terbuka; tandatangani dulu.',
    'error.notPartyAdmin': 'Hanya admin organisasi itu (atau pemilik) yang dapat menunjuk penanda tangannya.',
  },
});

// Reviews.
addMessages({
  en: {
    'error.unknownReview': 'That review round does not exist in this partnership.',
    'error.reviewClosed': 'This review round is closed; answers can no longer change.',
    'error.reviewStillOpen': 'Agreed changes are noted once the round is closed and the results are in.',
    'error.periodEndsBeforeStart': 'The period must end on or after the day it starts.',
    'error.periodTooLong': 'A review covers at most {max} days.',
    'error.closingDateOutOfRange': 'The closing date must be between today and {max} days from now.',
    'error.goalNotInReview': 'One of the goals scored is not a goal this round asks about.',
    'error.answerNotYours': 'Each member answers for themselves only.',
    'error.tooManyReviews': 'There can be at most {max} here.',
    'error.unknownChange': 'That agreed change does not exist (reload the round).',
    'error.unknownFile': 'That file does not exist in this partnership (it may have been deleted).',
    'error.fileTooLarge': 'The file is too large: at most {maxBytes}.',
    'error.fileQuotaExceeded': 'Not enough room: the partnership\'s files take {usedBytes} of {quotaBytes}. '
      + 'Delete older files first.',
    'error.fileEmpty': 'An empty file cannot be uploaded.', 'error.tooManyWords': 'Use at most {max} words.',
    'error.notYourFile': 'Only the person who uploaded this file or an owner can delete it.',
    'error.tooManyFiles': 'This partnership holds the most files it can ({max}).',
  },
  id: {
    'error.unknownReview': 'Putaran tinjauan itu tidak ada di kemitraan ini.',
    'error.reviewClosed': 'Putaran tinjauan ini sudah ditutup; jawaban tidak dapat diubah lagi.',
    'error.reviewStillOpen': 'Perubahan yang disepakati dicatat setelah putaran ditutup dan hasilnya keluar.',
    'error.periodEndsBeforeStart': 'Periode harus berakhir pada atau setelah tanggal mulainya.',
    'error.periodTooLong': 'Satu tinjauan mencakup paling lama {max} hari.',
    'error.closingDateOutOfRange': 'Tanggal penutupan harus antara hari ini dan {max} hari dari sekarang.',
    'error.goalNotInReview': 'Salah satu tujuan yang dinilai bukan tujuan yang ditanyakan dalam putaran ini.',
    'error.answerNotYours': 'Setiap anggota hanya menjawab untuk dirinya sendiri.',
    'error.tooManyReviews': 'Paling banyak {max} di sini.',
    'error.unknownChange': 'Perubahan yang disepakati itu tidak ada (muat ulang putarannya).',
    'error.unknownFile': 'Berkas itu tidak ada di kemitraan ini (mungkin sudah dihapus).',
    'error.fileTooLarge': 'Berkas terlalu besar: maksimal {maxBytes}.',
    'error.fileQuotaExceeded': 'Ruang berkas kemitraan ini tidak cukup: sudah terpakai {usedBytes} dari {quotaBytes}. '
      + 'Hapus berkas lama terlebih dahulu.',
    'error.fileEmpty': 'Berkas kosong tidak dapat diunggah.', 'error.tooManyWords': 'Gunakan paling banyak {max} kata.',
    'error.notYourFile': 'Hanya pengunggah atau pemilik yang dapat menghapus berkas ini.',
    'error.tooManyFiles': 'Kemitraan ini sudah menyimpan jumlah berkas maksimum ({max}).',
  },
});

// Notifications.
addMessages({
  en: { 'error.unknownNotification': 'That notification does not exist (it may be someone else’s).' },
  id: { 'error.unknownNotification': 'Notifikasi itu tidak ada (mungkin milik orang lain).' },
});
