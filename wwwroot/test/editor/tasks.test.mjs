// Unit tests of how the editor reads task lines and says why a line changes no action item (the same reading as the
// server's Checklist). Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { taskLines, lineProblem, isDate, handleMatches, taskMarks } from '../../src/editor/tasks.js';

const members = [
  { displayName: 'Rina Wijaya', email: 'rina.w@example.org' },
  { displayName: 'Budi', email: 'budi@example.org' },
];
const only = text => { const lines = taskLines(text); assert.equal(lines.length, 1); return lines[0]; };

test('a task line gives its title, the @handle and due: tokens with their offsets', () => {
  const text = '# Plan\n- [ ] Send draft MoU @rina due:2026-12-15 #A12';
  const line = only(text);
  assert.equal(line.title, 'Send draft MoU');
  assert.equal(text.slice(line.handle.from, line.handle.to), '@rina');
  assert.equal(text.slice(line.due.from, line.due.to), 'due:2026-12-15');
  assert.equal(line.validDue, true);
  assert.equal(lineProblem(line, members), null);
});

test('a date that does not exist is marked on its due: token, and nothing else is', () => {
  const text = '- [ ] Pay the deposit due:2026-02-30';
  const problem = lineProblem(only(text), members);
  assert.equal(problem.code, 'due-invalid');
  assert.equal(problem.value, '2026-02-30');
  assert.equal(text.slice(problem.from, problem.to), 'due:2026-02-30');
  for (const bad of ['due:2026-13-01', 'due:tomorrow', 'due:2026-2-3', 'due:', 'due:2025-02-29']) {
    assert.equal(lineProblem(only(`- [ ] Pay ${bad}`), members)?.code, 'due-invalid', bad);
  }
  assert.equal(lineProblem(only('- [ ] Pay due:2028-02-29'), members), null);
});

test('a title longer than an action item takes is marked with its length', () => {
  const long = 'x'.repeat(301);
  const problem = lineProblem(only(`- [ ] ${long} @rina`), members);
  assert.equal(problem.code, 'title-too-long');
  assert.equal(problem.value, 301);
  assert.equal(lineProblem(only(`- [ ] ${'x'.repeat(300)} @rina due:2026-12-01`), members), null);
});

test('a line with nothing but a handle and a date has no title', () => {
  assert.equal(lineProblem(only('- [ ] @rina due:2026-12-01'), members).code, 'title-empty');
});

test('a handle is checked against members by e-mail name, name without spaces or first name, any case', () => {
  assert.equal(handleMatches('rina.w', members[0]), true);
  assert.equal(handleMatches('RinaWijaya', members[0]), true);
  assert.equal(handleMatches('RINA', members[0]), true);
  assert.equal(handleMatches('wijaya', members[0]), false);
  const text = '- [ ] Call the mill @ayu.';
  const problem = lineProblem(only(text), members);
  assert.equal(problem.code, 'handle-unknown');
  assert.equal(problem.value, 'ayu');
  assert.equal(text.slice(problem.from, problem.to), '@ayu.');
  // Without the member list nothing is said about handles.
  assert.equal(lineProblem(only(text), null), null);
});

test('a doubled marker from list continuation is not part of the title, and the outer box counts', () => {
  const text = 'intro\n- [ ] - [ ] Pay the mill @budi due:2026-12-01\n- [x] [ ] Ship';
  const [pay, ship] = taskLines(text);
  assert.equal(pay.title, 'Pay the mill');
  assert.equal(text.slice(pay.restFrom, pay.restFrom + 3), 'Pay');
  assert.equal(text.slice(pay.due.from, pay.due.to), 'due:2026-12-01');
  assert.equal(lineProblem(pay, members), null);
  assert.equal(ship.title, 'Ship');
  assert.equal(ship.done, true);
  assert.equal(lineProblem(only('- [ ] - [ ]'), members).code, 'title-empty');
  assert.deepEqual(taskMarks(text), [9, text.indexOf('- [x]') + 3]);
});

test('lines in code fences and lines that are not tasks are not read', () => {
  assert.deepEqual(taskLines('```\n- [ ] inside\n```\n- [] no\n- [ ]\n    - x'), []);
});

test('isDate knows month lengths and leap years', () => {
  assert.equal(isDate('2026-02-28'), true);
  assert.equal(isDate('2026-02-29'), false);
  assert.equal(isDate('2024-02-29'), true);
  assert.equal(isDate('1900-02-29'), false);
  assert.equal(isDate('0000-01-01'), false);
  assert.equal(isDate('2026-04-31'), false);
});
