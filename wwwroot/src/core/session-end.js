// A session can end while its page is open: signing out or changing the password elsewhere ends every session of
// the person. The server then answers 401 and cuts the live connections; the page starts again at the sign-in form
// and says why.
import { session } from './session.js';

const NOTICE = 'session-ended';
let ending = false;

/** Called on a 401 from the API or the hubs; only a page that was signed in reloads. */
export function sessionEnded() {
  if (ending || !session.me) return;
  ending = true;
  sessionStorage.setItem(NOTICE, '1');
  location.assign('/');
}

/** True once after a page was reloaded because its session ended. */
export function takeSessionEndedNotice() {
  const ended = sessionStorage.getItem(NOTICE) === '1';
  sessionStorage.removeItem(NOTICE);
  return ended;
}
