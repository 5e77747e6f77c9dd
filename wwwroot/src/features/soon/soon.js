// Sections shown in the navigation before they are built: a page that says what each will do.
import { html, mount } from '../../core/dom.js';
import { t, addMessages } from '../../core/i18n.js';
import { openPartnership } from '../../core/session.js';
import { updateNav } from '../../core/nav.js';

addMessages({
  en: {
    'soon.badge': 'Coming soon', 'soon.back': 'Back to the dashboard',
    'soon.meetings': 'Plan regular meetings together: an agenda both parties add to, minutes, decisions and the '
      + 'action items agreed, which then show on the board.',
    'soon.agreements': 'Draft formal agreements together (roles, profit sharing, intellectual property, termination) '
      + 'and have each party sign them off, with every version kept.',
    'soon.disputes': 'Raise a disagreement and take it through the steps the parties agreed on, from a first talk to '
      + 'mediation, with what was decided at each step.',
    'soon.files': 'Share files with every party in one place: contracts, reports and photos, next to the plan and '
      + 'the goals they belong to.',
  },
  id: {
    'soon.badge': 'Segera hadir', 'soon.back': 'Kembali ke dasbor',
    'soon.meetings': 'Atur rapat rutin bersama: agenda yang bisa ditambah kedua pihak, notulen, keputusan, dan tugas '
      + 'yang disepakati, yang langsung muncul di papan.',
    'soon.agreements': 'Susun perjanjian formal bersama (peran, pembagian keuntungan, hak kekayaan intelektual, '
      + 'pengakhiran) dan minta persetujuan tiap pihak, dengan setiap versinya tersimpan.',
    'soon.disputes': 'Ajukan perselisihan dan selesaikan lewat tahapan yang sudah disepakati, dari musyawarah awal '
      + 'hingga mediasi, lengkap dengan keputusan di tiap tahap.',
    'soon.files': 'Bagikan berkas ke semua pihak di satu tempat: kontrak, laporan, dan foto, berdampingan dengan '
      + 'rencana dan tujuan terkait.',
  },
});

/** The page of a section not built yet (`section` is its key in the shell's list, e.g. 'meetings'). */
export function comingSoon(section) {
  return async function renderComingSoon({ pid }, main) {
    await openPartnership(pid);
    updateNav(pid);
    mount(main, html`<div class="page-head"><h1>${t(`nav.${section}`)}</h1>
      <span class="badge muted">${t('soon.badge')}</span></div>
      <section class="card soon-card"><p>${t(`soon.${section}`)}</p>
        <a class="button" href="/p/${pid}">${t('soon.back')}</a></section>`);
  };
}
