import { eq } from 'drizzle-orm';
import { defaultStoreSettings, type StoreSettings } from '@sifang/shared/contracts/admin/store-settings';
import { storeSetting } from './kernel.schema.js';
import type { Executor } from './db.js';

/** A store's settings, with defaults for what was never set. */
export async function loadStoreSettings(exec: Executor, storeId: string): Promise<StoreSettings> {
  const [row] = await exec.select().from(storeSetting).where(eq(storeSetting.storeId, storeId));
  return { ...defaultStoreSettings(), ...((row?.settings as Partial<StoreSettings>) ?? {}) };
}
