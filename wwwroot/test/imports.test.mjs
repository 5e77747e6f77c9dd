// The browser code's import rules, read from the sources: the kernel (core/, editor/) imports no feature and not the
// shell; a feature imports no other feature (features meet only in the registry, features/index.js), nor the
// registry, the shell or main.js. Run: node --test wwwroot/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, normalize, relative } from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;

/** Every relative module a source imports (static, re-exported or dynamic), as paths under src/. */
export function importsOf(file, text) {
  const found = [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map(m => m[1]).filter(p => p.startsWith('.')).map(p => normalize(join(dirname(file), p)));
}

const featureOf = path => /^features\/([^/]+)\//.exec(path)?.[1];

/** The imports that break a rule, as "file -> import" lines. */
export function violations(files) {
  const broken = [];
  for (const [file, text] of Object.entries(files)) {
    for (const target of importsOf(file, text)) {
      const kernel = file.startsWith('core/') || file.startsWith('editor/');
      const up = target === 'shell.js' || target === 'main.js';
      const mine = featureOf(file);
      const wrong = kernel ? up || target.startsWith('features/')
        : mine ? up || target === 'features/index.js' || (featureOf(target) && featureOf(target) !== mine)
          : false;
      if (wrong) broken.push(`${file} -> ${target}`);
    }
  }
  return broken;
}

function sources() {
  const files = {};
  for (const f of readdirSync(src, { recursive: true })) {
    if (f.endsWith('.js')) files[relative(src, join(src, f))] = readFileSync(join(src, f), 'utf8');
  }
  return files;
}

test('no feature imports another feature, and the kernel imports neither features nor the shell', () => {
  const files = sources();
  assert.ok(Object.keys(files).some(f => f.startsWith('features/')), 'the sources were read');
  assert.deepEqual(violations(files), []);
});

test('the rules catch a page importing another feature, a kernel module importing the shell, and the registry', () => {
  assert.deepEqual(violations({
    'features/dashboard/dashboard.js': "import { goalBadge } from '../goals/goals.js';\nimport '../dashboard/x.js';",
    'core/partnershipLive.js': "import { setOnline } from '../shell.js';",
    'editor/x.js': "const m = await import('../features/documents/documents.js');",
    'features/goals/goals.js': "export { x } from '../index.js';\nimport { y } from './kpis.js';",
    'shell.js': "import * as registry from './features/index.js';",
  }), ['features/dashboard/dashboard.js -> features/goals/goals.js', 'core/partnershipLive.js -> shell.js',
    'editor/x.js -> features/documents/documents.js', 'features/goals/goals.js -> features/index.js']);
});

test('the import reader sees static, re-exported, bare and dynamic imports', () => {
  const text = "import a from './a.js';\nexport { b } from '../core/b.js';\nimport './c.css';\n"
    + "const d = () => import('./d.js');\nimport { e } from '@codemirror/state';";
  assert.deepEqual(importsOf('features/x/y.js', text),
    ['features/x/a.js', 'features/core/b.js', 'features/x/c.css', 'features/x/d.js']);
});
