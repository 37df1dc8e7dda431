import type { Command } from 'commander';

/**
 * A parsed command's option values keyed by the long flag as typed (`max-rouge-drop`, not
 * `maxRougeDrop`), without the ones not given: what a Zod schema validates, so its messages name the flag.
 */
export function optionsByFlag(program: Command): Record<string, unknown> {
  return Object.fromEntries(
    program.options
      .map((option) => [option.long?.slice(2) ?? '', program.getOptionValue(option.attributeName())] as const)
      .filter(([name, value]) => name !== '' && name !== 'help' && value !== undefined),
  );
}
