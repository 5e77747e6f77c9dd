// One file's upload over XMLHttpRequest (fetch cannot report upload progress): the body is the file itself, its
// name and type in the query. Progress goes to onProgress(loaded, total); abort() cancels. The promise resolves
// with the stored file, or rejects with an ApiError worded in the person's language (or { cancelled: true }).
import { ApiError, antiforgeryToken } from '../../core/api.js';

export function uploadFile(pid, file, onProgress) {
  const xhr = new XMLHttpRequest();
  const query = `name=${encodeURIComponent(file.name)}&type=${encodeURIComponent(file.type || '')}`;
  const done = antiforgeryToken().then(token => new Promise((resolve, reject) => {
    xhr.open('POST', `/api/partnerships/${pid}/files?${query}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'workspace');
    xhr.setRequestHeader('X-CSRF-TOKEN', token);
    xhr.upload.onprogress = e => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onabort = () => reject({ cancelled: true });
    xhr.send(file);
  }));
  return { done, abort: () => xhr.abort() };
}
