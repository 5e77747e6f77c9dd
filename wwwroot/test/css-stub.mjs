// Lets node import modules that import a stylesheet (a feature's manifest brings its CSS for esbuild): a .css import
// becomes an empty module. Import this file before the modules under test.
import { register } from 'node:module';

const hooks = `export async function load(url, context, next) {
  if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true };
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
