/**
 * Every benchmark request carries its number in the article's title (`Bench-ID 42`). The title reaches
 * the upstream inside the prompt, so the fake can report how long it took to answer that very request.
 */
export const BENCH_ID_PATTERN = /Bench-ID (\d+)/;

export function benchTitle(id: number): string {
  return `Bench-ID ${id}`;
}
