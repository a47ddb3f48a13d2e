import { Outlet } from 'react-router';
import { useCan } from '../auth/useAuth';
import { pageAllowed, type PageDef } from '../modules';
import { ForbiddenPage } from './ErrorPages';

export function PermissionGate({ page }: { page: PageDef }) {
  const can = useCan();
  return pageAllowed(page, can) ? <Outlet /> : <ForbiddenPage />;
}
