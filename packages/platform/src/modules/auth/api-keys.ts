/** Partner API keys: listing and revoking (creation is in service.ts beside the key format). */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from './actor.js';
import { authorize } from './policy.js';

export const API_KEY_SCOPES = ['screen', 'events', 'appeal', 'feed', 'cdr', 'punishment', 'cards'] as const;

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  unitCode: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiKeys(ctx: Context, actor: Actor): Promise<ApiKeyView[]> {
  authorize(actor, 'apikeys.manage');
  const rows = await ctx.db
    .selectFrom('api_keys')
    .innerJoin('units', 'units.code', 'api_keys.unit_code')
    .selectAll('api_keys')
    .where('units.path', 'like', `${actor.unitPath}%`)
    .orderBy('api_keys.created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    unitCode: row.unit_code,
    scopes: row.scopes,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  }));
}

export async function revokeApiKey(ctx: Context, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'apikeys.manage');
  const now = ctx.clock.now();
  const key = /^[0-9a-f-]{36}$/i.test(id)
    ? await ctx.db
        .selectFrom('api_keys')
        .innerJoin('units', 'units.code', 'api_keys.unit_code')
        .select(['api_keys.id', 'api_keys.name'])
        .where('api_keys.id', '=', id)
        .where('units.path', 'like', `${actor.unitPath}%`)
        .executeTakeFirst()
    : undefined;
  if (!key) throw new AppError('not_found', `no API key ${id} in your part of the org tree`);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
    await recordAudit(
      tx,
      actor,
      { action: 'apikey.revoke', recordType: 'api_key', recordId: id, detail: { name: key.name } },
      now,
    );
  });
}
