// Who is signed in, and the partnership being looked at.
import { get } from './api.js';

export const session = { me: null, partnerships: [], partnership: null };

export async function loadMe() {
  try {
    session.me = await get('/api/account/me');
  } catch (e) {
    if (e.status === 401) session.me = null; else throw e;
  }
  return session.me;
}

export async function loadPartnerships() {
  session.partnerships = session.me ? await get('/api/partnerships') : [];
  return session.partnerships;
}

const opened = [];
/** `fn` runs each time the open partnership is read (another one, or the same one again with its changes). */
export function onPartnershipRead(fn) { opened.push(fn); }

/** The partnership with its parties and members (cached until another one is opened or it changes). */
export async function openPartnership(id, { force = false } = {}) {
  if (force || session.partnership?.id !== id) {
    session.partnership = await get(`/api/partnerships/${id}`);
    for (const fn of opened) fn(session.partnership);
  }
  return session.partnership;
}

export function myMembership() {
  return session.partnership?.members.find(m => m.userId === session.me?.id) ?? null;
}

const rank = { Viewer: 0, Commenter: 1, Editor: 2, Owner: 3 };
/** True when my role in the open partnership is at least `role`. */
export function can(role) {
  const mine = myMembership();
  return !!mine && rank[mine.role] >= rank[role];
}
