// Starting texts for "New document", in the person's language. The joint partnership plan follows the life cycle
// the product supports: shared goals, roles, communication, KPIs, profit sharing, IP, disputes, evaluation.
import { t, addMessages, lang } from '../../core/i18n.js';

addMessages({
  en: {
    'template.blank': 'Blank document', 'template.plan': 'Joint partnership plan', 'template.label': 'Start from',
  },
  id: {
    'template.blank': 'Dokumen kosong', 'template.plan': 'Rencana kemitraan bersama', 'template.label': 'Mulai dari',
  },
});

const plan = {
  en: `# Joint partnership plan

_Every party edits this plan together. Replace the examples in italics with what you agree on._

## 1. Shared goals (SMART)
What we want to achieve together: specific, measurable, achievable, relevant and time-bound.

- _Example: deliver 200 tonnes of rice to the buyer's warehouses by 31 December 2027._
- Set each goal up under **Goals & KPIs** too, so progress shows on the dashboard.

## 2. Roles and responsibilities
| Party | What it brings | What it is responsible for | Contact person |
| --- | --- | --- | --- |
| _Party A_ | | | |
| _Party B_ | | | |

## 3. Communication and meetings
- Regular meeting: _every second Monday, 10:00, online_
- Who chairs and who takes notes: _…_
- How fast we answer each other: _within two working days_

## 4. Key performance indicators (KPIs)
| KPI | Baseline | Target | By when | Measured by |
| --- | --- | --- | --- | --- |
| _Tonnes delivered_ | _0_ | _200_ | _2027-12-31_ | _Party B_ |

## 5. Profit and cost sharing
- How revenue, costs and risks are shared: _…_
- When and how payments are settled: _…_

## 6. Intellectual property
- What each party owns already and keeps: _…_
- Who owns what we create together, and who may use it: _…_

## 7. Dispute resolution
1. The contact persons talk it through within _five working days_.
2. If that does not settle it, the leaders of both parties meet.
3. Then mediation by _an agreed mediator_, before any formal step.

Termination: _notice period and what happens to shared work and data._

## 8. Evaluation and review
- Review the partnership together every _quarter_: goals, KPIs, how we work together.
- What we celebrate, what we change: _…_

## First action items
- [ ] Agree on the shared goals due:{due}
`,
  id: `# Rencana kemitraan bersama

_Semua pihak menyusun rencana ini bersama-sama. Ganti contoh bercetak miring dengan hal yang Anda sepakati._

## 1. Tujuan bersama (SMART)
Apa yang ingin kita capai bersama: spesifik, terukur, dapat dicapai, relevan, dan punya tenggat waktu.

- _Contoh: mengirim 200 ton beras ke gudang pembeli paling lambat 31 Desember 2027._
- Catat setiap tujuan juga di **Tujuan & KPI** agar kemajuannya tampil di dasbor.

## 2. Peran dan tanggung jawab
| Pihak | Kontribusi | Tanggung jawab | Narahubung |
| --- | --- | --- | --- |
| _Pihak A_ | | | |
| _Pihak B_ | | | |

## 3. Komunikasi dan rapat
- Rapat rutin: _setiap Senin kedua, pukul 10.00, daring_
- Pemimpin rapat dan notulis: _…_
- Batas waktu menanggapi: _paling lama dua hari kerja_

## 4. Indikator kinerja utama (KPI)
| KPI | Nilai awal | Target | Tenggat | Diukur oleh |
| --- | --- | --- | --- | --- |
| _Ton terkirim_ | _0_ | _200_ | _2027-12-31_ | _Pihak B_ |

## 5. Pembagian keuntungan dan biaya
- Cara membagi pendapatan, biaya, dan risiko: _…_
- Kapan dan bagaimana pembayaran diselesaikan: _…_

## 6. Hak kekayaan intelektual
- Aset yang sudah dimiliki tiap pihak dan tetap menjadi miliknya: _…_
- Siapa pemilik hasil kerja bersama, dan siapa yang boleh memakainya: _…_

## 7. Penyelesaian sengketa
1. Narahubung kedua pihak membicarakannya dalam _lima hari kerja_.
2. Jika belum selesai, pimpinan kedua pihak bertemu.
3. Setelah itu mediasi oleh _mediator yang disepakati_, sebelum langkah hukum apa pun.

Pengakhiran kemitraan: _masa pemberitahuan serta nasib hasil kerja dan data bersama._

## 8. Evaluasi dan tinjauan
- Tinjau kemitraan bersama setiap _triwulan_: tujuan, KPI, dan cara kita bekerja sama.
- Apa yang kita apresiasi, apa yang perlu diubah: _…_

## Tugas pertama
- [ ] Sepakati tujuan bersama due:{due}
`,
};

/** The templates offered by "New document": key, label and (for all but blank) the text in the person's language. */
export function documentTemplates() {
  return [
    { key: 'blank', label: t('template.blank'), text: '' },
    { key: 'plan', label: t('template.plan'), text: (plan[lang()] ?? plan.en).replace('{due}', inTwoWeeks()) },
  ];
}

function inTwoWeeks() {
  const d = new Date(Date.now() + 14 * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function templateText(key) {
  return documentTemplates().find(x => x.key === key)?.text ?? '';
}
