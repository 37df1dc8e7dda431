import { buildPlayground } from '../../scripts/build-playground.js';

/** Vitest global setup: the playground's browser files are built before any test serves the page. */
export default async function setup(): Promise<void> {
  await buildPlayground();
}
