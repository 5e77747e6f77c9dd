// Search results: each hit links to its thing, and its matches become <mark> elements around text nodes (user text
// is never parsed as HTML). A tiny stand-in for the DOM records what was built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hrefOf, marked } from '../../../src/features/search/results.js';

const fakeDocument = {
  createDocumentFragment: () => ({ nodes: [], append(...n) { this.nodes.push(...n); } }),
  createTextNode: text => ({ text }),
  createElement: tag => ({ tag, textContent: '' }),
};
const built = (text, marks) => marked(text, marks, fakeDocument).nodes
  .map(n => (n.tag ? `[${n.textContent}]` : n.text)).join('');

test('matches are marked, in order, and user text stays text', () => {
  assert.equal(built('Kirim <b>MoU</b> ke mitra', [{ start: 20, length: 5 }, { start: 0, length: 5 }]),
    '[Kirim] <b>MoU</b> ke [mitra]');
  const nodes = marked('<img src=x onerror=alert(1)>', [], fakeDocument).nodes;
  assert.deepEqual(nodes, [{ text: '<img src=x onerror=alert(1)>' }]);
});

test('marks outside the text or overlapping an earlier one are left out', () => {
  assert.equal(built('abc', [{ start: 1, length: 5 }]), 'abc');
  assert.equal(built('abcdef', [{ start: 0, length: 3 }, { start: 2, length: 2 }]), '[abc]def');
});

test('every kind of hit links to its page', () => {
  const p = 'p1';
  assert.equal(hrefOf(p, { part: 'document', id: 'd1', line: 7 }), '/p/p1/docs/d1?line=7');
  assert.equal(hrefOf(p, { part: 'document', id: 'd1' }), '/p/p1/docs/d1');
  assert.equal(hrefOf(p, { part: 'action', id: 'a', number: 12 }), '/p/p1/actions?item=12');
  assert.equal(hrefOf(p, { part: 'decision', id: 'x', parentId: 'm' }), '/p/p1/decisions/x');
  assert.equal(hrefOf(p, { part: 'agenda', id: 'x', parentId: 'm' }), '/p/p1/meetings/m');
  assert.equal(hrefOf(p, { part: 'change', id: 'c', parentId: 'r' }), '/p/p1/reviews/r');
  assert.equal(hrefOf(p, { part: 'agreement', id: 'g' }), '/p/p1/agreements/g');
  assert.equal(hrefOf(p, { part: 'file', id: 'f' }), '/p/p1/files');
  assert.equal(hrefOf(p, { part: 'comment', id: 'c', parentId: 'd1' }), '/p/p1/docs/d1');
  assert.equal(hrefOf(p, { part: 'proposal', id: 'x', parentId: 'q', number: 2 }), '/p/p1/disputes/q');
  assert.equal(hrefOf(p, { part: 'message', id: 'x', parentId: 'q' }), '/p/p1/disputes/q');
  assert.equal(hrefOf(p, { part: 'measurement', id: 'x', parentId: 'k' }), '/p/p1/goals');
});
