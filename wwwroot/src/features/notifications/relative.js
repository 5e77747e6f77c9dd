// "5 minutes ago" / "5 menit yang lalu": how long ago, in the person's language.
const steps = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600],
  ['minute', 60]];

/** How long before `now` the time `at` was, as words of `locale` (seconds under a minute read "now"). */
export function relativeTime(at, locale, now = Date.now()) {
  const seconds = Math.round((new Date(at).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
