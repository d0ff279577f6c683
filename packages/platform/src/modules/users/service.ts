/**
 * User accounts. Admins manage the users of their own subtree; nobody sees or touches a user outside
 * it (404, not 403). Phone numbers are masked in every list; the full number needs a reason and is
 * audited.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Role } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/actor.js';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../auth/passwords.js';
import { authorize } from '../auth/policy.js';
import { deleteUserSessions } from '../auth/store.js';
import { getUnit } from '../org/index.js';
import { maskPhone } from '../personal-data/index.js';
import type { UserListRow, UserQuery } from './store.js';
import { findUserInSubtree, findUsers, insertUser, updateUser, usernameExists } from './store.js';

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitCode: string;
  unitName: string;
  roles: Role[];
  phoneMasked: string | null;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

const toUser = (row: UserListRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  unitCode: row.unit_code,
  unitName: row.unit_name,
  roles: row.roles,
  phoneMasked: row.phone ? maskPhone(row.phone) : null,
  disabled: row.disabled,
  createdAt: new Date(row.created_at).toISOString(),
  lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
});

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const PHONE_PATTERN = /^\+?[0-9]{5,20}$/;

export interface UserFilter {
  page: number;
  pageSize: number;
  q?: string;
  unitCode?: string;
  role?: Role;
  sort: UserQuery['sort'];
}

export async function listUsers(ctx: Context, actor: Actor, filter: UserFilter) {
  authorize(actor, 'users.read');
  const { rows, total } = await findUsers(ctx.db, {
    unitPath: actor.unitPath,
    q: filter.q,
    unitCode: filter.unitCode,
    role: filter.role,
    sort: filter.sort,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return { items: rows.map(toUser), total, page: filter.page, pageSize: filter.pageSize };
}

async function getUserRow(ctx: Context, actor: Actor, id: string): Promise<UserListRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findUserInSubtree(ctx.db, actor.unitPath, id) : undefined;
  if (!row) throw new AppError('user_not_found', `no user ${id} in your part of the org tree`);
  return row;
}

export async function getUser(ctx: Context, actor: Actor, id: string): Promise<User> {
  authorize(actor, 'users.read');
  return toUser(await getUserRow(ctx, actor, id));
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `the password needs at least ${MIN_PASSWORD_LENGTH} characters`, [
      { field: '/password', message: `must have at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
  password: string;
  phone?: string | null;
}

export async function createUser(ctx: Context, actor: Actor, input: UserCreateInput): Promise<User> {
  authorize(actor, 'users.manage');
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw new AppError(
      'validation_failed',
      'usernames are 2–63 lower-case letters, digits, dots, dashes or underscores',
      [{ field: '/username', message: 'must match ^[a-z0-9][a-z0-9._-]{1,62}$' }],
    );
  }
  if (input.roles.length === 0)
    throw new AppError('validation_failed', 'a user needs at least one role', [
      { field: '/roles', message: 'must not be empty' },
    ]);
  if (input.phone && !PHONE_PATTERN.test(input.phone)) {
    throw new AppError('validation_failed', 'the phone number is not valid', [
      { field: '/phone', message: 'must be digits, optionally with a leading +' },
    ]);
  }
  checkPassword(input.password);
  await getUnit(ctx, actor, input.unitCode);
  if (await usernameExists(ctx.db, username))
    throw new AppError('username_taken', `the username ${username} is taken`);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const created = await insertUser(tx, {
      username,
      display_name: input.displayName.trim(),
      unit_code: input.unitCode,
      roles: [...new Set(input.roles)],
      password_hash: passwordHash,
      phone: input.phone || null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.create',
        recordType: 'user',
        recordId: created,
        detail: { username, unitCode: input.unitCode, roles: input.roles },
      },
      now,
    );
    return created;
  });
  return toUser((await findUserInSubtree(ctx.db, '', id))!);
}

export interface UserUpdateInput {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  password?: string;
}

export async function updateUserAccount(
  ctx: Context,
  actor: Actor,
  id: string,
  input: UserUpdateInput,
): Promise<User> {
  authorize(actor, 'users.manage');
  const existing = await getUserRow(ctx, actor, id);
  if (input.roles && input.roles.length === 0)
    throw new AppError('validation_failed', 'a user needs at least one role', [
      { field: '/roles', message: 'must not be empty' },
    ]);
  if (
    actor.type === 'user' &&
    actor.id === id &&
    (input.disabled || (input.roles && !input.roles.includes('admin')))
  ) {
    throw new AppError('conflict', 'admins cannot disable themselves or remove their own admin role');
  }
  if (input.password !== undefined) checkPassword(input.password);
  const now = ctx.clock.now();
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  await ctx.db.transaction().execute(async (tx) => {
    await updateUser(tx, id, {
      ...(input.displayName !== undefined ? { display_name: input.displayName.trim() } : {}),
      ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
      updated_at: now,
    });
    // A disabled account or a new password ends every open session of that user.
    if (input.disabled || passwordHash) await deleteUserSessions(tx, id);
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.update',
        recordType: 'user',
        recordId: id,
        detail: {
          username: existing.username,
          changed: Object.keys(input)
            .filter((key) => key !== 'password')
            .concat(passwordHash ? ['password'] : []),
          ...(input.roles ? { roles: input.roles } : {}),
          ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
        },
      },
      now,
    );
  });
  return toUser((await findUserInSubtree(ctx.db, actor.unitPath, id))!);
}

/** The full phone number of a user, for an admin who gives a reason; every reveal is audited. */
export async function revealUserPhone(
  ctx: Context,
  actor: Actor,
  id: string,
  reason: string,
  ip: string | null,
) {
  authorize(actor, 'users.reveal');
  if (reason.trim().length < 2)
    throw new AppError('validation_failed', 'a reason is required', [
      { field: '/reason', message: 'must not be empty' },
    ]);
  const row = await getUserRow(ctx, actor, id);
  await recordAudit(
    ctx.db,
    actor,
    {
      action: 'personal_data.reveal',
      recordType: 'user',
      recordId: id,
      reason: reason.trim(),
      ip,
      detail: { field: 'phone' },
    },
    ctx.clock.now(),
  );
  return { phone: row.phone };
}
