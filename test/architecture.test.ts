import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles, readImportGraph } from './support/read-import-graph.js';

const SOURCE_ROOT = path.resolve(import.meta.dirname, '../src');
/** Where routes are wired: the app and the composition root above it. */
const ROUTE_WIRING = new Set(['app.ts', 'create-brief.ts', 'index.ts']);

describe('the layout of src/', () => {
  const graph = readImportGraph(SOURCE_ROOT);

  it('has no import cycle, type-only imports included', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(findImportCycles(graph)).toEqual([]);
  });

  it('lets no domain code import from routes/: dependencies point down', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      file.startsWith('routes/') || ROUTE_WIRING.has(file)
        ? []
        : targets.filter((target) => target.startsWith('routes/')).map((target) => `${file} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('never imports test helpers from src/', () => {
    const fromTests = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => target.startsWith('..')).map((target) => `${file} -> ${target}`),
    );
    expect(fromTests).toEqual([]);
  });
});
