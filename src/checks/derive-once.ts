/** A value derived on first use and kept: what the checks need only sometimes, built at most once. */
export function deriveOnce<Result>(derive: () => Result): () => Result {
  let derived: { result: Result } | undefined;
  return () => {
    derived ??= { result: derive() };
    return derived.result;
  };
}
