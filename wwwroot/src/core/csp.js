// The Content-Security-Policy allows styles from this origin's files only, plus <style> elements carrying the
// nonce the server put into this page (index.html). The editor writes its styles into such an element.
export function styleNonce() {
  return document.querySelector('meta[name="csp-nonce"]')?.content ?? '';
}
