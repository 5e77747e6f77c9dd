// Bundles the front end: wwwroot/src/main.js -> wwwroot/dist/app.js (plus app.css and lazily loaded chunks).
// `--release` leaves out source maps: a Release build publishes no sources, not even through a map.
import * as esbuild from 'esbuild';
import { rmSync, mkdirSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const release = process.argv.includes('--release');
const options = {
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: ['es2022'],
  outdir: 'dist',
  sourcemap: !release,
  minify: !watch,
  logLevel: 'warning',
  loader: { '.css': 'css' },
};

// A fresh folder each time, so no map or chunk of an earlier build is left behind to be served.
rmSync('dist', { recursive: true, force: true });
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
  mkdirSync('dist', { recursive: true });
  // Tells MSBuild which kind of build the folder holds (it rebuilds when the kind changes).
  writeFileSync(`dist/.${release ? 'Release' : 'Debug'}.stamp`, '');
}
