// The agreements API: every call here, no drawing (the views never fetch).
import { get, post, put } from '../../core/api.js';

const base = pid => `/api/partnerships/${pid}/agreements`;

export const listAgreements = pid => get(base(pid));
export const createAgreement = (pid, title, language) => post(base(pid), { title, language });
export const getAgreement = (pid, id) => get(`${base(pid)}/${id}`);
export const readAgreement = (pid, id) => get(`${base(pid)}/${id}/text`);
export const sendForReview = (pid, id) => post(`${base(pid)}/${id}/review`);
export const backToDraft = (pid, id) => post(`${base(pid)}/${id}/draft`);
export const approve = (pid, id, revision, hash) => post(`${base(pid)}/${id}/approve`, { revision, hash });
export const terminate = (pid, id) => post(`${base(pid)}/${id}/terminate`);
export const amend = (pid, id) => post(`${base(pid)}/${id}/amendments`);
export const compare = (pid, id, from, to) =>
  get(`${base(pid)}/${id}/compare?from=${encodeURIComponent(from)}${to === '' || to == null ? '' : `&to=${to}`}`);
export const listObligations = (pid, id) => get(`${base(pid)}/${id}/obligations`);
export const addObligation = (pid, id, body) => post(`${base(pid)}/${id}/obligations`, body);
export const forMe = pid => get(`${base(pid)}/mine`);
export const setSignatories = (pid, partyId, userIds) => put(`${base(pid)}/signatories/${partyId}`, { userIds });
export const exportUrl = (pid, id, kind, lang) => `${base(pid)}/${id}/export.${kind}?lang=${lang}`;
