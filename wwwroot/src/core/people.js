// Small words about the people and organisations of the open partnership, shared by several sections.
import { session } from './session.js';

export function initials(name) {
  return (name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map(w => [...w][0].toUpperCase()).join('');
}

export function partyName(id) { return session.partnership?.parties.find(p => p.id === id)?.name ?? ''; }
