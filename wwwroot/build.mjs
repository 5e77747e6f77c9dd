// Bundles the front end: wwwroot/src/main.js -> wwwroot/dist/app-<hash>.js (plus app-<hash>.css and one chunk per
// page and per shared part, each named by its content's hash so the server lets browsers keep them for a year).
// dist/index.html is index.html pointing at this build's files; each file also gets a .br and a .gz beside it.
// `--release` leaves out source maps: a Release build publishes no sources, not even through a map.
// The build fails when the JavaScript a first visit to sign-in or the dashboard needs is over its budget.
import * as esbuild from 'esbuild';
import { rmSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { brotliOptions, checkBudgets, outputOf, staticClosure } from './budget.mjs';

const watch = process.argv.includes('--watch');
const release = process.argv.includes('--release');

// A common mid-range-phone budget for the JavaScript of a first visit, compressed.
const LIMIT = 170_000;
const budgets = [
  { name: 'sign-in', sources: ['src/main.js'], limit: LIMIT },
  { name: 'dashboard', sources: ['src/main.js', 'src/features/dashboard/dashboard.js'], limit: LIMIT },
];

const options = {
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  format: 'esm',
  splitting: true,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  metafile: true,
  target: ['es2022'],
  outdir: 'dist',
  sourcemap: !release,
  minify: !watch,
  logLevel: 'warning',
  loader: { '.css': 'css' },
  plugins: [{ name: 'index-html', setup: b => b.onEnd(r => { if (r.metafile) writeIndex(r.metafile); }) }],
};

/** dist/index.html: the entry script and stylesheet of this build, and the chunks the entry imports preloaded. */
function writeIndex(metafile) {
  const entry = outputOf(metafile, 'src/main.js');
  const url = file => `/${file}`;
  const css = metafile.outputs[entry].cssBundle;
  const preloads = staticClosure(metafile, [entry]).filter(f => f !== entry)
    .map(f => `  <link rel="modulepreload" href="${url(f)}">\n`).join('');
  const page = readFileSync('index.html', 'utf8')
    .replace('href="/dist/app.css"', `href="${url(css)}"`)
    .replace('<script type="module" src="/dist/app.js"></script>',
      `${preloads.trimStart()}  <script type="module" src="${url(entry)}"></script>`);
  if (page.includes('/dist/app.')) throw new Error('index.html no longer names /dist/app.css and /dist/app.js');
  writeFileSync('dist/index.html', page);
}

const compressible = /\.(js|css|svg)$/;
function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* files(path); else yield path;
  }
}

/** A .br and a .gz beside every text file, at the highest levels: made once here, sent many times. */
function precompress() {
  for (const file of files('dist')) {
    if (!compressible.test(file)) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, brotliOptions));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
  }
}

// A fresh folder each time, so no map or chunk of an earlier build is left behind to be served.
rmSync('dist', { recursive: true, force: true });
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  const { metafile } = await esbuild.build(options);
  precompress();
  const budget = checkBudgets(metafile, budgets, file => readFileSync(`${file}.br`).length);
  for (const line of budget.lines) console.log(line);
  if (!budget.ok) {
    console.error('The first-load JavaScript budget is exceeded (see above): split the page or lighten it.');
    rmSync('dist', { recursive: true, force: true });
    process.exit(1);
  }
  mkdirSync('dist', { recursive: true });
  // Tells MSBuild which kind of build the folder holds (it rebuilds when the kind changes).
  writeFileSync(`dist/.${release ? 'Release' : 'Debug'}.stamp`, '');
}
