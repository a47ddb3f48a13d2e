import { useContext } from 'react';
import { AuthContext, type AuthContextValue } from './AuthProvider';
import type { Me } from './types';

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** For screens behind the guard: the session is there. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}

export function useCan(): (permission: string | undefined) => boolean {
  return useAuth().can;
}
