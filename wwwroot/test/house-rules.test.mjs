// The house rules for the browser code that a machine can check: no file over 400 lines, no line over 120 characters.
// Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;
const files = readdirSync(src, { recursive: true }).filter(f => /\.(js|css)$/.test(f));

test('no source file is over 400 lines and no line over 120 characters', () => {
  assert.ok(files.length > 30, 'the sources were read');
  const broken = [];
  for (const file of files) {
    const lines = readFileSync(join(src, file), 'utf8').split('\n');
    if (lines.length > 400) broken.push(`${file}: ${lines.length} lines`);
    lines.forEach((line, i) => { if (line.length > 120) broken.push(`${file}:${i + 1}: ${line.length} characters`); });
  }
  assert.deepEqual(broken, []);
});
