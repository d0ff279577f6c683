/**
 * Who is acting. Every service call that reads or writes unit-owned records takes an actor, and the
 * store limits the query to the actor's subtree through `unitPath`.
 */
import type { Role } from '../../store/schema.js';

export interface UserActor {
  type: 'user';
  id: string;
  username: string;
  unitCode: string;
  /** Materialised path of the actor's unit ('320000/320100/'); a record is visible if its unit's path starts with it. */
  unitPath: string;
  roles: Role[];
}

export interface ApiKeyActor {
  type: 'api_key';
  id: string;
  name: string;
  unitCode: string;
  unitPath: string;
  scopes: string[];
}

/** The platform itself (CLI, seeding, background jobs): sees everything. */
export interface SystemActor {
  type: 'system';
  username: string;
  unitPath: '';
}

export type Actor = UserActor | ApiKeyActor | SystemActor;

export const systemActor = (username = 'system'): SystemActor => ({ type: 'system', username, unitPath: '' });

export function actorUnitCode(actor: Actor): string | null {
  return actor.type === 'system' ? null : actor.unitCode;
}

export function actorName(actor: Actor): string {
  return actor.type === 'api_key' ? actor.name : actor.username;
}
