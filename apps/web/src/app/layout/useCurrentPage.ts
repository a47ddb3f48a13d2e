import { matchPath, useLocation } from 'react-router';
import type { PageDef, WebModule } from '../modules';
import { webModules } from '../registry';

export type CurrentPage = { module: WebModule; page: PageDef } | null;

/** The module page the location belongs to (for menu selection and breadcrumbs). */
export function useCurrentPage(): CurrentPage {
  const { pathname } = useLocation();
  for (const module of webModules) {
    for (const page of module.pages) {
      if (matchPath({ path: page.path, end: false }, pathname)) return { module, page };
    }
  }
  return null;
}
