/**
 * Sign-in for people (username, password, session cookie) and for partner systems (API keys).
 * Every login, failed or not, is audited; failed ones are rate-limited per username and address.
 */
import type { Context } from '../../context.js';
import type { UnitLevel } from '../../store/schema.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { ApiKeyActor, UserActor } from './actor.js';
import type { LoginLimiter } from './login-limiter.js';
import { verifyAgainstDecoy, verifyPassword } from './passwords.js';
import type { UserWithUnit } from './store.js';
import {
  deleteSession,
  findApiKeyByPrefix,
  findSessionUser,
  findUserById,
  findUserByUsername,
  insertApiKey,
  insertSession,
  markLoggedIn,
} from './store.js';
import { newSecret, sameHash, sha256 } from './tokens.js';
import type { Actor } from './actor.js';
import { authorize } from './policy.js';
import { getUnit } from '../org/index.js';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: UserActor['roles'];
  unit: { code: string; name: string; level: UnitLevel; parentCode: string | null };
}

const toMe = (user: UserWithUnit): Me => ({
  id: user.id,
  username: user.username,
  displayName: user.display_name,
  roles: user.roles,
  unit: {
    code: user.unit_code,
    name: user.unit_name,
    level: user.unit_level,
    parentCode: user.unit_parent_code,
  },
});

const toActor = (user: UserWithUnit): UserActor => ({
  type: 'user',
  id: user.id,
  username: user.username,
  unitCode: user.unit_code,
  unitPath: user.unit_path,
  roles: user.roles,
});

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export async function login(ctx: Context, limiter: LoginLimiter, input: LoginInput) {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const limitKeys = [`user:${username}`, `ip:${input.ip ?? 'unknown'}`];
  if (limiter.isBlocked(limitKeys, now.getTime())) {
    await recordAudit(
      ctx.db,
      null,
      { action: 'auth.login_blocked', ip: input.ip, detail: { username } },
      now,
      username,
    );
    throw new AppError('too_many_attempts', 'too many failed logins; wait before trying again');
  }
  const user = await findUserByUsername(ctx.db, username);
  const valid =
    user && !user.disabled
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstDecoy(input.password);
  if (!user || !valid) {
    limiter.recordFailure(limitKeys, now.getTime());
    const reason = !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password';
    await recordAudit(
      ctx.db,
      user ? toActor(user) : null,
      { action: 'auth.login_failed', ip: input.ip, detail: { username, reason } },
      now,
      username,
    );
    throw new AppError('invalid_credentials', 'wrong username or password');
  }
  limiter.reset(`user:${username}`);
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  await ctx.db.transaction().execute(async (tx) => {
    await insertSession(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await markLoggedIn(tx, user.id, now);
    await recordAudit(tx, toActor(user), { action: 'auth.login', ip: input.ip }, now);
  });
  return { token, expiresAt, user: toMe(user) };
}

export async function logout(ctx: Context, actor: Actor, token: string, ip: string | null): Promise<void> {
  await deleteSession(ctx.db, sha256(token));
  await recordAudit(ctx.db, actor, { action: 'auth.logout', ip }, ctx.clock.now());
}

export async function actorForSession(ctx: Context, token: string): Promise<UserActor | null> {
  const user = await findSessionUser(ctx.db, sha256(token), ctx.clock.now());
  return user ? toActor(user) : null;
}

export async function describeMe(ctx: Context, actor: UserActor): Promise<Me> {
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError('unauthenticated', 'the session has ended');
  return toMe(user);
}

/** API keys look like `fzk_<prefix>_<secret>`; the prefix finds the row, the hash of the whole key proves it. */
const API_KEY_PATTERN = /^fzk_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{32,64})$/;

export async function actorForApiKey(ctx: Context, key: string): Promise<ApiKeyActor | null> {
  const match = API_KEY_PATTERN.exec(key);
  if (!match) return null;
  const row = await findApiKeyByPrefix(ctx.db, match[1]!);
  const now = ctx.clock.now();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return null;
  if (!sameHash(row.key_hash, sha256(key))) return null;
  return {
    type: 'api_key',
    id: row.id,
    name: row.name,
    unitCode: row.unit_code,
    unitPath: row.unit_path,
    scopes: row.scopes,
  };
}

export interface ApiKeyInput {
  name: string;
  unitCode: string;
  scopes: string[];
}

/** Creates a partner API key; the key itself is returned once and never stored. */
export async function createApiKey(ctx: Context, actor: Actor, input: ApiKeyInput) {
  authorize(actor, 'apikeys.manage');
  await getUnit(ctx, actor, input.unitCode);
  const prefix = newSecret(6).slice(0, 8);
  const key = `fzk_${prefix}_${newSecret(32)}`;
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const created = await insertApiKey(tx, {
      name: input.name,
      unitCode: input.unitCode,
      prefix,
      keyHash: sha256(key),
      scopes: input.scopes,
      createdBy: actor.type === 'user' ? actor.id : null,
      createdAt: now,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'apikey.create',
        recordType: 'api_key',
        recordId: created,
        detail: { name: input.name, scopes: input.scopes },
      },
      now,
    );
    return created;
  });
  return { id, key, prefix };
}
