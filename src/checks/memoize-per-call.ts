/**
 * A pure one-argument function that answers each argument once. Made for one check run and dropped
 * with it, so nothing of one article outlives its request and the map cannot grow without bound.
 */
export function memoizePerCall<Argument, Result>(
  derive: (argument: Argument) => Result,
): (argument: Argument) => Result {
  const answers = new Map<Argument, Result>();
  return (argument) => {
    const known = answers.get(argument);
    if (known !== undefined || answers.has(argument)) return known as Result;
    const answer = derive(argument);
    answers.set(argument, answer);
    return answer;
  };
}
