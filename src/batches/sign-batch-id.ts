import { createHmac, timingSafeEqual } from 'node:crypto';
import { type BatchReference, decodeBatchId, encodeBatchId, MAX_BATCH_ID_CHARS } from './batch-id.js';

const SIGNATURE_SEPARATOR = '.';
/** Separates what is signed, so a key id can never run into the payload. */
const SIGNING_CONTEXT = 'brief-batch-id/1';
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface BatchIdSigner {
  /** A batch id bound to the key that created the batch, signed with the current secret. */
  sign(reference: BatchReference, keyId: string): string;
  /**
   * The reference in a batch id this key created, signed with the current or a previous secret;
   * undefined for an id of another key, an altered or forged one, or one signed with a retired secret.
   */
  verify(batchId: string, keyId: string): BatchReference | undefined;
}

export interface BatchIdSignerOptions {
  secret: string;
  /** Retired secrets still accepted, so the secret can be rotated without breaking batches in flight. */
  previousSecrets?: readonly string[];
}

function signature(secret: string, keyId: string, unsignedId: string): Buffer {
  return createHmac('sha256', secret).update(`${SIGNING_CONTEXT}\n${keyId}\n${unsignedId}`).digest();
}

/** HMAC-SHA256 over the batch id and the creating key's id: `batch_<payload>.<signature>`. */
export function createBatchIdSigner(options: BatchIdSignerOptions): BatchIdSigner {
  const secrets = [options.secret, ...(options.previousSecrets ?? [])];
  return {
    sign(reference, keyId) {
      const unsignedId = encodeBatchId(reference);
      return `${unsignedId}${SIGNATURE_SEPARATOR}${signature(options.secret, keyId, unsignedId).toString('base64url')}`;
    },
    verify(batchId, keyId) {
      if (batchId.length > MAX_BATCH_ID_CHARS) {
        return undefined;
      }
      const separatorAt = batchId.lastIndexOf(SIGNATURE_SEPARATOR);
      if (separatorAt < 0) {
        return undefined;
      }
      const unsignedId = batchId.slice(0, separatorAt);
      const presented = batchId.slice(separatorAt + 1);
      if (!SIGNATURE_PATTERN.test(presented)) {
        return undefined;
      }
      const presentedBytes = Buffer.from(presented, 'base64url');
      let valid = false;
      for (const secret of secrets) {
        // Every secret is tried, so the time taken does not say which one matched.
        valid = timingSafeEqual(presentedBytes, signature(secret, keyId, unsignedId)) || valid;
      }
      return valid ? decodeBatchId(unsignedId) : undefined;
    },
  };
}
