import type { Locale } from '../../shared/api/client';

export type StoreRef = { id: string; code: string; name: string; shortName: string };

export type Me = {
  user: { id: string; username: string; displayName: string; locale: Locale };
  /** Roles in the current store */
  roles: { code: string; name: string; nameEn?: string }[];
  permissions: string[];
  dataScope?: 'own' | 'store' | 'stores' | 'group';
  currentStore: StoreRef;
  stores: StoreRef[];
  csrfToken: string;
};
