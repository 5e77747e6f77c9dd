// A meeting moment in the person's own time and, when it differs, the organiser's.
import { html } from '../../core/dom.js';
import { t, locale } from '../../core/i18n.js';

export const myZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A moment in a zone, e.g. "Tue 27 Oct, 10:00". */
export function at(utc, timeZone) {
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit',
    minute: '2-digit', timeZone }).format(new Date(utc));
}

/** "Tue 27 Oct, 17:00 your time · Tue 27 Oct, 10:00 organiser's time (Europe/Amsterdam)". */
export function bothTimes(utc, timeZone) {
  // Both always: the organiser's zone is named even when it is the person's own, so nobody has to guess.
  return html`<strong>${t('plan.yourTime', { time: at(utc, myZone) })}</strong>
    <span class="muted">· ${t('plan.organiserTime', { time: at(utc, timeZone), zone: timeZone })}</span>`;
}
