// Bundles the front end: wwwroot/src/main.js -> wwwroot/dist/app.js (plus app.css).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const options = {
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  outdir: 'dist',
  sourcemap: true,
  minify: !watch,
  logLevel: 'warning',
  loader: { '.css': 'css' },
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
