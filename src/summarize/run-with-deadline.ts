import { DeadlineExceededError } from '../errors/brief-error.js';
import { ClientClosedRequestError } from '../errors/client-closed-request-error.js';

/**
 * Runs `work` with a signal that fires when the client disconnects or the deadline passes,
 * whichever comes first, and says which one it was. `work` also gets the deadline as epoch ms.
 */
export async function runWithDeadline<T>(
  clientSignal: AbortSignal | undefined,
  deadlineMs: number,
  work: (signal: AbortSignal, deadlineAt: number) => Promise<T>,
): Promise<T> {
  const deadlineAt = Date.now() + deadlineMs;
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DeadlineExceededError(`No answer within the deadline of ${deadlineMs} ms.`)),
    deadlineMs,
  );
  // The client's signal aborts the deadline's controller: one signal for the work. (A listener removed in
  // `finally` costs a third of `AbortSignal.any`, which keeps a weak registry of its sources.)
  const abortOnDisconnect = () => deadline.abort(clientSignal?.reason);
  if (clientSignal?.aborted) {
    abortOnDisconnect();
  }
  clientSignal?.addEventListener('abort', abortOnDisconnect, { once: true });
  try {
    return await work(deadline.signal, deadlineAt);
  } catch (error) {
    // Whichever came first aborted the controller: the deadline's own reason, or the client's.
    if (deadline.signal.reason instanceof DeadlineExceededError) {
      throw deadline.signal.reason;
    }
    if (clientSignal?.aborted) {
      throw new ClientClosedRequestError();
    }
    throw error;
  } finally {
    clearTimeout(timer);
    clientSignal?.removeEventListener('abort', abortOnDisconnect);
  }
}
