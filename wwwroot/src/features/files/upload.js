// One file's upload over XMLHttpRequest (fetch cannot report upload progress): the body is the file itself, its
// name and type in the query. Progress goes to onProgress(loaded, total); abort() cancels. The promise resolves
// with the stored file, or rejects with an ApiError worded in the person's language (or { cancelled: true }).
import { ApiError, antiforgeryToken, forgetAntiforgeryToken } from '../../core/api.js';

export function uploadFile(pid, file, onProgress) {
  let xhr = null;
  let cancelled = false;
  const query = `name=${encodeURIComponent(file.name)}&type=${encodeURIComponent(file.type || '')}`;
  const send = async retried => {
    const token = await antiforgeryToken();
    if (cancelled) throw { cancelled: true };
    const answer = await new Promise((resolve, reject) => {
      xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/partnerships/${pid}/files?${query}`);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('X-Requested-With', 'workspace');
      xhr.setRequestHeader('X-CSRF-TOKEN', token);
      xhr.upload.onprogress = e => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
      xhr.onload = () => {
        let body = null;
        try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { body = null; }
        resolve({ status: xhr.status, body });
      };
      xhr.onerror = () => reject(new ApiError(0, null));
      xhr.onabort = () => reject({ cancelled: true });
      xhr.send(file);
    });
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    // A stale token (the session changed in another tab): fetch a fresh one and send once more, as core/api.js does.
    if (!retried && answer.status === 400 && answer.body?.code === 'antiforgery') {
      forgetAntiforgeryToken();
      return send(true);
    }
    throw new ApiError(answer.status, answer.body);
  };
  return { done: send(false), abort: () => { cancelled = true; xhr?.abort(); } };
}
