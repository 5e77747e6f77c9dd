// Runs cross-check cases through the real ot-text-unicode package.
// usage: node crosscheck.mjs <wwwroot> <cases.jsonl> <results.jsonl>
// Each input line is one case; each output line is {"id", "out"} or {"id", "error"}; the first output
// line is {"version"} so the caller can check which package version answered.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [wwwroot, inFile, outFile] = process.argv.slice(2);
if (!wwwroot || !inFile || !outFile) {
  console.error('usage: node crosscheck.mjs <wwwroot> <cases.jsonl> <results.jsonl>');
  process.exit(2);
}

const pkgJson = path.join(wwwroot, 'node_modules', 'ot-text-unicode', 'package.json');
if (!existsSync(pkgJson)) {
  console.error(`ot-text-unicode is not installed: ${pkgJson} is missing. Run infra/install.sh (npm ci in wwwroot).`);
  process.exit(3);
}

const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'));
const require = createRequire(path.join(wwwroot, 'package.json'));
const mod = await import(pathToFileURL(require.resolve('ot-text-unicode')).href);
const type = mod.type ?? mod.default.type;

const run = (c) => {
  switch (c.kind) {
    case 'apply': return type.apply(c.doc, c.op);
    case 'transform': return JSON.stringify(type.transform(c.op, c.other, c.side));
    case 'compose': return JSON.stringify(type.compose(c.op, c.other));
    case 'position': return String(type.transformPosition(c.cursor, c.op));
    case 'selection': return type.transformSelection(c.sel, c.op).join(',');
    case 'invert': return JSON.stringify(type.invert(c.op));
    case 'normalize': return JSON.stringify(type.normalize(c.op));
    case 'check':
      try {
        type.checkOp(JSON.parse(c.raw));
        return 'valid';
      } catch {
        return 'invalid';
      }
    default: throw Error(`unknown case kind ${c.kind}`);
  }
};

const out = [JSON.stringify({ version })];
for (const line of readFileSync(inFile, 'utf8').split('\n')) {
  if (!line) continue;
  const c = JSON.parse(line);
  try {
    out.push(JSON.stringify({ id: c.id, out: run(c) }));
  } catch (e) {
    out.push(JSON.stringify({ id: c.id, error: String(e && e.message) }));
  }
}
writeFileSync(outFile, out.join('\n') + '\n');
