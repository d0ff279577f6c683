/**
 * Tells every follower (the screening of each platform instance, every screening node) that the lists
 * changed: a pg_notify in the store and a message on the event bus. Followers then read the change
 * log; a follower that misses the signal catches up at its next poll.
 */
import { INTEL_CHANGED } from '../../bus/index.js';
import type { Context } from '../../context.js';
import { notifyChangesInStore } from './store.js';

export async function notifyChanges(ctx: Context): Promise<void> {
  await notifyChangesInStore(ctx.db);
  await ctx.bus?.publish(INTEL_CHANGED, { at: ctx.clock.now().toISOString() });
}
