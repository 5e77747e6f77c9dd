// What a search result needs beyond its words: where it links to, and its text with the matches in <mark>, built
// from text nodes (a title or snippet is user text and never becomes HTML).

/** The page of the thing a hit names (a document opens at the line where it matched). */
export function hrefOf(pid, hit) {
  const p = `/p/${encodeURIComponent(pid)}`;
  const id = encodeURIComponent(hit.id);
  const parent = encodeURIComponent(hit.parentId ?? '');
  switch (hit.part) {
    case 'document': return `${p}/docs/${id}${hit.line ? `?line=${hit.line}` : ''}`;
    case 'agreement': return `${p}/agreements/${id}`;
    case 'comment': return `${p}/docs/${parent}`;
    case 'goal': case 'kpi': case 'measurement': return `${p}/goals`;
    case 'action': return `${p}/actions?item=${hit.number}`;
    case 'meeting': return `${p}/meetings/${id}`;
    case 'agenda': return `${p}/meetings/${parent}`;
    case 'decision': return `${p}/decisions/${id}`;
    case 'dispute': return `${p}/disputes/${id}`;
    case 'proposal': case 'message': return `${p}/disputes/${parent}`;
    case 'round': return `${p}/reviews/${id}`;
    case 'change': return `${p}/reviews/${parent}`;
    default: return `${p}/files`;
  }
}

/** The text as nodes, the stretches in `marks` ({ start, length }, UTF-16 units) inside <mark>. */
export function marked(text, marks = [], doc = document) {
  const fragment = doc.createDocumentFragment();
  let at = 0;
  for (const { start, length } of [...marks].sort((a, b) => a.start - b.start)) {
    if (start < at || start + length > text.length) continue;
    if (start > at) fragment.append(doc.createTextNode(text.slice(at, start)));
    const mark = doc.createElement('mark');
    mark.textContent = text.slice(start, start + length);
    fragment.append(mark);
    at = start + length;
  }
  if (at < text.length) fragment.append(doc.createTextNode(text.slice(at)));
  return fragment;
}
