// The meeting page's notes and minutes, below its agenda and decisions (which redraw on their own).
import { mountNotes } from './notes.js';
import { mountMinutes } from './minutes.js';

/** Fills `host` with the minutes card and the live notes; returns the cleanup. */
export async function mountMeetingPapers(host, options) {
  const minutesBox = document.createElement('div');
  const notesBox = document.createElement('div');
  host.replaceChildren(minutesBox, notesBox);
  const stops = await Promise.all([mountMinutes(minutesBox, options), mountNotes(notesBox, options)]);
  return () => stops.forEach(stop => stop());
}
