/**
 * API keys held in memory for the screening hot path: a partner's request is checked against this
 * table, never against the database. The table is refreshed every few seconds (new and revoked keys
 * take effect within that time) and kept as it was if the store is unreachable.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ApiKeyActor } from './actor.js';
import { sameHash, sha256 } from './tokens.js';

interface CachedKey {
  actor: ApiKeyActor;
  keyHash: string;
  expiresAt: number | null;
}

const API_KEY_PATTERN = /^fzk_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{32,64})$/;

export class ApiKeyCache {
  private byPrefix = new Map<string, CachedKey>();
  /** Verified keys, so the SHA-256 runs once per key, not once per request. */
  private verified = new Map<string, ApiKeyActor>();
  lastRefreshAt = 0;

  constructor(private readonly db: Kysely<Database>) {}

  async refresh(now: number): Promise<void> {
    const rows = await this.db
      .selectFrom('api_keys')
      .innerJoin('units', 'units.code', 'api_keys.unit_code')
      .select([
        'api_keys.id',
        'api_keys.name',
        'api_keys.prefix',
        'api_keys.key_hash',
        'api_keys.scopes',
        'api_keys.unit_code',
        'api_keys.expires_at',
        'units.path',
      ])
      .where('api_keys.revoked_at', 'is', null)
      .execute();
    const next = new Map<string, CachedKey>();
    for (const row of rows) {
      next.set(row.prefix, {
        actor: {
          type: 'api_key',
          id: row.id,
          name: row.name,
          unitCode: row.unit_code,
          unitPath: row.path,
          scopes: row.scopes,
        },
        keyHash: row.key_hash,
        expiresAt: row.expires_at ? new Date(row.expires_at).getTime() : null,
      });
    }
    this.byPrefix = next;
    this.verified = new Map();
    this.lastRefreshAt = now;
  }

  resolve(key: string, now: number): ApiKeyActor | null {
    const known = this.verified.get(key);
    const match = known ? null : API_KEY_PATTERN.exec(key);
    const cached = known
      ? this.byPrefix.get(key.slice(4, 12))
      : match
        ? this.byPrefix.get(match[1]!)
        : undefined;
    if (!cached || (cached.expiresAt !== null && cached.expiresAt <= now)) return null;
    if (known) return known;
    if (!sameHash(cached.keyHash, sha256(key))) return null;
    if (this.verified.size < 10_000) this.verified.set(key, cached.actor);
    return cached.actor;
  }
}
