// A meeting's minutes: produced with one click (a partnership document, a print view and a PDF, in English or
// Bahasa Indonesia) and shared with every attendee in one more. Owners and the facilitator produce and share;
// everyone reads them here once they exist.
import { html, mount, $, toast, keepFocus } from '../../core/dom.js';
import { t, addMessages, lang, formatDateTime } from '../../core/i18n.js';
import { get, post } from '../../core/api.js';
import { can, session } from '../../core/session.js';
import { follow } from '../../core/partnershipLive.js';
import { paperMessages } from './papers-i18n.js';
import { papersUrl } from './notes.js';

addMessages(paperMessages);

/** Shows the minutes card in `host` for the meeting (`meeting()` is its current view). Returns the cleanup. */
export async function mountMinutes(host, { pid, meetingId, occurrence, meeting }) {
  const base = `/api/partnerships/${pid}/meetings/${meetingId}`;
  const query = occurrence ? `?occurrence=${occurrence.replace(/[-:]/g, '').slice(0, 15)}` : '';
  let minutes = null;
  let busy = false;
  const manages = () => can('Owner') || meeting().facilitatorUserId === session.me?.id;
  const draw = () => {
    const language = minutes?.language || lang();
    const file = ext => `${base}/minutes.${ext}${query}${query ? '&' : '?'}language=${language}`;
    mount(host, html`<section class="card meeting-minutes" aria-labelledby="minutes-title">
      <h2 id="minutes-title">${t('minutes.title')}</h2>
      ${minutes ? html`<p>${t('minutes.produced', { n: minutes.generation,
        language: t(`minutes.lang.${minutes.language}`) })}</p>
        <p class="minutes-links"><a class="button" id="minutes-doc" href="/p/${pid}/docs/${minutes.documentId}">
          ${t('minutes.open')}</a>
          <a class="button" id="minutes-print" href="${file('html')}" target="_blank" rel="noopener">
            ${t('minutes.print')}</a>
          <a class="button" id="minutes-pdf" href="${file('pdf')}" download>${t('minutes.pdf')}</a></p>
        ${minutes.sharedAt ? html`<p class="muted" id="minutes-shared">${t('minutes.shared',
          { name: minutes.sharedByName, when: formatDateTime(minutes.sharedAt) })}</p>` : ''}`
      : html`<p class="empty">${t('minutes.none')}</p>`}
      ${manages() ? html`<div class="minutes-tools">
        <label>${t('minutes.language')} <select id="minutes-language">${['en', 'id'].map(code => html`
          <option value="${code}" ${code === language ? 'selected' : ''}>${t(`minutes.lang.${code}`)}</option>`)}
        </select></label>
        <button class="primary" id="produce-minutes">
          ${minutes ? t('minutes.produceAgain') : t('minutes.produce')}</button>
        <button id="share-minutes" ${minutes ? '' : 'disabled'}>${t('minutes.share')}</button>
        <p class="muted small">${t('minutes.shareNote')}</p></div>`
      : html`<p class="muted small">${t('minutes.managerOnly')}</p>`}
    </section>`);
    $('#produce-minutes', host)?.addEventListener('click', () => produce($('#minutes-language', host).value));
    $('#share-minutes', host)?.addEventListener('click', share);
  };
  const act = async (work, done) => {
    if (busy) return;
    busy = true;
    try {
      minutes = await work();
      toast(done);
    } catch (err) { toast(err.message, 'error'); } finally { busy = false; }
    draw();
  };
  const produce = language => act(async () => {
    try {
      return await post(`${base}/minutes`, { occurrence, language, replaceEdits: false });
    } catch (err) {
      // Hand edits are replaced only when the person agrees (they stay in the document's history).
      if (err.problem?.code !== 'minutesEdited' || !confirm(t('minutes.replaceEdits'))) throw err;
      return post(`${base}/minutes`, { occurrence, language, replaceEdits: true });
    }
  }, t('minutes.producedToast'));
  const share = () => act(() => post(`${base}/minutes/share`, { occurrence }), t('minutes.sharedToast'));

  return follow({
    'meeting.papers': p => {
      if (p.meetingId !== meetingId || (p.occurrence ?? null) !== occurrence || p.kind !== 'Minutes') return;
      minutes = p;
      keepFocus(host, draw);
    },
  }, async () => {
    minutes = (await get(papersUrl(pid, meetingId, occurrence))).minutes;
    draw();
  });
}
