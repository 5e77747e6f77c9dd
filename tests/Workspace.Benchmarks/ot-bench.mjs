// The npm ot-text-unicode package on the same corpus as OtBenchmarks (written by `--ot-compare`).
// usage: node ot-bench.mjs <corpus.json>    prints ns/op per benchmark, timed with process.hrtime.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const corpusPath = process.argv[2];
if (!corpusPath) {
  console.error('usage: node ot-bench.mjs <corpus.json>');
  process.exit(2);
}

let root = path.dirname(fileURLToPath(import.meta.url));
while (!existsSync(path.join(root, 'Workspace.sln'))) {
  const parent = path.dirname(root);
  if (parent === root) throw Error('Workspace.sln not found above ot-bench.mjs');
  root = parent;
}
const wwwroot = path.join(root, 'wwwroot');
if (!existsSync(path.join(wwwroot, 'node_modules', 'ot-text-unicode', 'package.json'))) {
  console.error('ot-text-unicode is not installed: run infra/install.sh (npm ci in wwwroot)');
  process.exit(3);
}
const require = createRequire(path.join(wwwroot, 'package.json'));
const mod = await import(pathToFileURL(require.resolve('ot-text-unicode')).href);
const type = mod.type ?? mod.default.type;

const corpus = JSON.parse(readFileSync(corpusPath, 'utf8'));

// Runs fn (which performs `ops` operations) until ~minMs has passed per round; reports the median round in ns/op.
const bench = (name, ops, fn, rounds = 7, minMs = 200) => {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const results = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    do {
      fn();
      n++;
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < BigInt(minMs) * 1000000n);
    results.push(Number(elapsed) / (n * ops));
  }
  results.sort((a, b) => a - b);
  const median = results[Math.floor(results.length / 2)];
  console.log(`${name.padEnd(34)} ${median.toFixed(1).padStart(12)} ns/op`);
  return median;
};

let sink = 0;
const otPackage = path.join(wwwroot, 'node_modules', 'ot-text-unicode', 'package.json');
const otVersion = JSON.parse(readFileSync(otPackage, 'utf8')).version;
console.log(`node ${process.version}, ot-text-unicode ${otVersion}, corpus seed ${corpus.seed}`);
bench('ApplyKeystrokeString4KB', corpus.smallKeystrokes.length, () => {
  let doc = corpus.smallDoc;
  for (const op of corpus.smallKeystrokes) doc = type.apply(doc, op);
  sink += doc.length;
});
bench('ApplyKeystrokeString1MB', 100, () => {
  let doc = corpus.bigDoc;
  for (let i = 0; i < 100; i++) doc = type.apply(doc, corpus.bigKeystrokes[i]);
  // Flatten the rope V8 builds lazily, as a server would when it reads or stores the text.
  sink += doc.charCodeAt(doc.length >> 1);
}, 5, 300);
bench('TransformKeystrokes', corpus.transformPairs.length, () => {
  for (const [a, b] of corpus.transformPairs) sink += type.transform(a, b, 'left').length;
});
bench('ComposeKeystrokes', corpus.composePairs.length, () => {
  for (const [a, b] of corpus.composePairs) sink += type.compose(a, b).length;
});
bench('ParseAndSerializeKeystrokes', corpus.smallKeystrokes.length, () => {
  for (const op of corpus.smallKeystrokes) sink += JSON.parse(JSON.stringify(op)).length;
});
if (sink === 0.5) console.log(sink); // keep results alive
