// The first-load JavaScript budget, computed from esbuild's metafile: what a page needs before it can draw is its
// entry bundle, the page module its route imports, and every chunk these import statically, each counted once at
// its Brotli-compressed size (what a browser that accepts br is sent).
import { brotliCompressSync, constants } from 'node:zlib';

/** The Brotli settings of the precompressed files the server sends (build.mjs writes them with these). */
export const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };

export const brotliSize = bytes => brotliCompressSync(bytes, brotliOptions).length;

/** The output file esbuild made for a source file that is an entry point or the target of a dynamic import(). */
export function outputOf(metafile, source) {
  const found = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === source);
  if (!found) throw new Error(`no output has the entry point ${source}`);
  return found[0];
}

/** `starts` and every JavaScript output they import statically (not through import()), each once. */
export function staticClosure(metafile, starts) {
  const seen = new Set();
  const queue = [...starts];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of metafile.outputs[file]?.imports ?? []) {
      if (i.kind === 'import-statement' && !i.external) queue.push(i.path);
    }
  }
  return [...seen].filter(f => f.endsWith('.js'));
}

/**
 * Checks each budget { name, sources: [entry and page source files], limit: bytes }; `sizeOf(file)` gives a
 * file's compressed size. Returns one line per budget and whether every budget holds.
 */
export function checkBudgets(metafile, budgets, sizeOf) {
  const results = budgets.map(b => {
    const files = staticClosure(metafile, b.sources.map(s => outputOf(metafile, s)));
    const bytes = files.reduce((sum, f) => sum + sizeOf(f), 0);
    return { ...b, files, bytes, ok: bytes <= b.limit };
  });
  const kb = n => `${(n / 1000).toFixed(1)} kB`;
  const lines = results.map(r => `${r.ok ? 'ok  ' : 'OVER'} ${r.name}: ${kb(r.bytes)} of ${kb(r.limit)} `
    + `compressed JavaScript on first load (${r.files.length} files)`);
  return { ok: results.every(r => r.ok), lines, results };
}
