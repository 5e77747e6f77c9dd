// Prints where the test run's time went: each assembly's time and the slowest test classes (summed test times),
// read from the xUnit reports that infra/test.sh asks for. Usage: node infra/slowest.mjs <results-dir> [count]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, count = '12'] = process.argv.slice(2);
const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const byClass = new Map();
for (const file of readdirSync(dir).filter(f => f.endsWith('.xunit'))) {
  const xml = readFileSync(join(dir, file), 'utf8');
  for (const tag of xml.match(/<assembly [^>]*>/g) ?? []) {
    const name = attr(tag, 'name')?.split('/').pop();
    console.log(`  ${name}: ${Number(attr(tag, 'time')).toFixed(0)} s, ${attr(tag, 'total')} tests`);
  }
  for (const tag of xml.match(/<test [^>]*>/g) ?? []) {
    const type = attr(tag, 'type');
    const seen = byClass.get(type) ?? { seconds: 0, tests: 0 };
    seen.seconds += Number(attr(tag, 'time')) || 0;
    seen.tests += 1;
    byClass.set(type, seen);
  }
}
console.log('Slowest test classes (seconds, tests):');
[...byClass].sort((a, b) => b[1].seconds - a[1].seconds).slice(0, Number(count))
  .forEach(([type, { seconds, tests }]) => console.log(`  ${seconds.toFixed(1).padStart(7)}  ${tests}  ${type}`));
