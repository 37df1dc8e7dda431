import type { RouteHandler } from '@hono/zod-openapi';
import { ForbiddenError } from '../../errors/brief-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { callerKey } from '../../http/caller-key.js';
import { readUsageReport } from '../../usage/read-usage-report.js';
import { ALL_KEYS, type UsageLedger } from '../../usage/usage-ledger.js';
import type { readUsageRoute } from './usage.routes.js';

export interface UsageHandlerDependencies {
  usageLedger: UsageLedger;
  now?: () => Date;
}

export function createReadUsageHandler(
  dependencies: UsageHandlerDependencies,
): RouteHandler<typeof readUsageRoute, AppEnv> {
  const now = dependencies.now ?? (() => new Date());
  return async function readUsage(context) {
    const query = context.req.valid('query');
    const key = callerKey(context);
    const keyId = query.key_id ?? key.id;
    if (keyId !== key.id && !key.scopes.has('admin')) {
      throw new ForbiddenError(
        `Only a key with the "admin" scope reads another key's usage; the key "${key.id}" reads its own without key_id.`,
        { extensions: { required_scope: 'admin' } },
      );
    }
    const today = now().toISOString().slice(0, 10);
    const report = await readUsageReport(dependencies.usageLedger, {
      keyId,
      ledgerKeyId: keyId === 'all' ? ALL_KEYS : keyId,
      from: query.from ?? `${today.slice(0, 7)}-01`,
      to: query.to ?? today,
      granularity: query.granularity,
    });
    return context.json(report, 200);
  };
}
