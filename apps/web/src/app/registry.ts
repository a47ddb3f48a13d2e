import { adminModule } from '../modules/admin';
import { customersModule } from '../modules/customers';
import { masterdataModule } from '../modules/masterdata';
import type { WebModule } from './modules';

// Explicit registration: a new module adds its `index.tsx` export here (menu + routes come from it).
export const webModules: readonly WebModule[] = [customersModule, adminModule, masterdataModule].sort((a, b) => a.rank - b.rank);
