/** Runs a CLI action against the configured store, migrated, and closes it afterwards. */
import { loadConfig, type Config } from '../config.js';
import { systemClock, type Context } from '../context.js';
import { openConfiguredStore } from '../server.js';
import type { Store } from '../store/database.js';
import { migrate } from '../store/migrate.js';

export async function withStore<T>(
  action: (ctx: Context, store: Store) => Promise<T>,
  options: { migrate?: boolean; config?: Config } = {},
): Promise<T> {
  const config = options.config ?? loadConfig();
  const store = await openConfiguredStore(config);
  try {
    if (options.migrate !== false) await migrate(store);
    return await action({ db: store.db, clock: systemClock, config }, store);
  } finally {
    await store.close();
  }
}
