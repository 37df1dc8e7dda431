import type { RouteHandler } from '@hono/zod-openapi';
import { ForbiddenError } from '../../errors/brief-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { callerKey } from '../../http/caller-key.js';
import type { Keyring } from '../../keys/keyring.js';
import type { SpendControl } from '../../usage/create-spend-control.js';
import { readUsageReport } from '../../usage/read-usage-report.js';
import { ALL_KEYS, type UsageLedger } from '../../usage/usage-ledger.js';
import type { readUsageRoute } from './usage.routes.js';

export interface UsageHandlerDependencies {
  usageLedger: UsageLedger;
  spendControl: SpendControl;
  keyring: Keyring;
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
    const reportedKey = keyId === key.id ? key : dependencies.keyring.get(keyId);
    const budget = reportedKey ? await dependencies.spendControl.remaining(reportedKey) : undefined;
    return context.json(
      {
        ...report,
        budget: budget
          ? {
              monthly_budget_usd: budget.budgetUsd,
              spent_usd: budget.spentUsd,
              remaining_usd: Math.max(0, Number((budget.budgetUsd - budget.spentUsd).toFixed(9))),
              resets_at: budget.resetsAt,
            }
          : null,
      },
      200,
    );
  };
}
