// The reviews feature's words and chart labels: a question is named in the person's language (a goal by its title
// as asked), a long label is cut into lines a phone's chart shows whole, a missing average is a dash.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const saved = new Map([['lang', 'en']]);
globalThis.localStorage = { getItem: k => saved.get(k) ?? null, setItem: (k, v) => saved.set(k, v) };
globalThis.document = { documentElement: {}, addEventListener() {} };

const { setLang } = await import('../../../src/core/i18n.js');
const { questionLabel, score } = await import('../../../src/features/reviews/words.js');
const { wrap } = await import('../../../src/features/reviews/charts.js');

test('questions are named in both languages, a goal by the title it had when the round opened', () => {
  const goals = [{ id: 'g1', title: 'Train 40 farmers' }];
  setLang('en');
  assert.equal(questionLabel({ question: 'fairness' }, goals), 'Fairness and trust between the parties');
  assert.equal(questionLabel({ question: 'goal', goalId: 'g1' }, goals), 'Goal: Train 40 farmers');
  setLang('id');
  assert.equal(questionLabel({ question: 'overall' }, goals), 'Kemitraan secara keseluruhan');
  assert.equal(questionLabel({ question: 'goal', goalId: 'g1' }, goals), 'Tujuan: Train 40 farmers');
  setLang('en');
});

test('a long label becomes short lines, none longer than asked unless one word is', () => {
  assert.deepEqual(wrap('Fairness and trust between the parties', 16),
    ['Fairness and', 'trust between', 'the parties']);
  assert.deepEqual(wrap('Communication', 8), ['Communication']);
  for (const line of wrap('Keadilan dan kepercayaan antarpihak', 16)) assert.ok(line.length <= 16, line);
});

test('an average nobody of a party gave is a dash; numbers are in the person\'s format', () => {
  setLang('id');
  assert.equal(score(null), '–');
  assert.equal(score(3.5), '3,5');
  setLang('en');
  assert.equal(score(3.5), '3.5');
});
