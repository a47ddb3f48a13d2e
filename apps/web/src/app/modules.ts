import type { ComponentType, ReactNode } from 'react';
import type { MessageKey } from './i18n/zh-CN';

/**
 * A page a module contributes: its route, its menu entry and the permission that shows both.
 * Menu test ids are derived from the path: '/admin/users' → data-testid="menu-admin-users".
 */
export type PageDef = {
  /** Absolute path, e.g. '/admin/users' (params allowed for pages kept out of the menu). */
  path: string;
  label: MessageKey;
  /** Needed to see the menu item and open the page; none = any signed-in user. */
  permission?: string;
  /** Any of these is enough (when a page serves several roles). */
  anyPermission?: readonly string[];
  icon?: ReactNode;
  hideInMenu?: boolean;
  /** Lazy import of the page component (route-level code splitting). */
  load: () => Promise<ComponentType>;
};

export type WebModule = {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  /** Menu order: lower first (customers first for the front desk, then admin → masterdata → …). */
  rank: number;
  pages: readonly PageDef[];
};

export function pageAllowed(page: PageDef, can: (p: string | undefined) => boolean): boolean {
  if (page.anyPermission?.length) return page.anyPermission.some((p) => can(p));
  return can(page.permission);
}

export function menuTestId(path: string): string {
  return `menu-${path.replace(/^\//, '').replace(/\//g, '-')}`;
}
