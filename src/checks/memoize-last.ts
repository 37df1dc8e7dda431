/**
 * Remembers the last argument and result of a pure one-argument function. The checks of both
 * languages read the same source one after the other: what they derive from it is derived once.
 */
export function memoizeLast<Argument, Result>(
  derive: (argument: Argument) => Result,
): (argument: Argument) => Result {
  let last: { argument: Argument; result: Result } | undefined;
  return (argument) => {
    if (last === undefined || last.argument !== argument) last = { argument, result: derive(argument) };
    return last.result;
  };
}
