/**
 * The simulator speaks the vendor's API, not the collector's: nothing under
 * tools/simulator may import from the collector's `src/`.
 */
import fs from 'fs';
import path from 'path';

const SIMULATOR_ROOT = __dirname;
const COLLECTOR_SRC = path.resolve(__dirname, '../../src');

/** Module specifiers of `import ... from`, `export ... from`, `import()` and `require()`. */
function importSpecifiers(source: string): string[] {
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((m) => m[1]);
}

/** Whether `specifier`, imported from `file`, points into the collector's `src/`. */
function pointsIntoCollector(file: string, specifier: string): boolean {
  const target = specifier.startsWith('.')
    ? path.resolve(path.dirname(file), specifier)
    : path.resolve(path.dirname(COLLECTOR_SRC), specifier);
  return (
    target === COLLECTOR_SRC || target.startsWith(COLLECTOR_SRC + path.sep)
  );
}

function typeScriptFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('no file of the simulator imports from the collector', () => {
  const files = typeScriptFiles(SIMULATOR_ROOT);
  expect(files.length).toBeGreaterThan(5);
  const offending = files.flatMap((file) =>
    importSpecifiers(fs.readFileSync(file, 'utf8'))
      .filter((specifier) => pointsIntoCollector(file, specifier))
      .map(
        (specifier) => `${path.relative(SIMULATOR_ROOT, file)}: ${specifier}`,
      ),
  );
  expect(offending).toEqual([]);
});

test('the check recognises every way of importing the collector', () => {
  const file = path.join(SIMULATOR_ROOT, 'server', 'lists.ts');
  const source = [
    "import { S1Agent } from '../../../src/client/types';",
    "export * from '../../../src';",
    "const lazy = import('../../../src/config');",
    "const old = require('../../../src/client');",
    "import '../../../src/index';",
    "import { Random } from '../random';",
    "import http from 'http';",
  ].join('\n');
  const flagged = importSpecifiers(source).filter((s) =>
    pointsIntoCollector(file, s),
  );
  expect(flagged).toEqual([
    '../../../src/client/types',
    '../../../src',
    '../../../src/config',
    '../../../src/client',
    '../../../src/index',
  ]);
});
