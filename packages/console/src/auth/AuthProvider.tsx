import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi, isAbort, setUnauthorizedHandler, type Me } from '../api';

// Owns the session as the console sees it: who is signed in (from GET /auth/me), signing in and out,
// and forgetting the user when any call answers 401. Access itself is decided by the server.

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; me: Me }
  | { status: 'error'; error: unknown };

interface AuthContextValue {
  state: AuthState;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  recheck: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    authApi.me(controller.signal).then(
      (me) => setState({ status: 'authenticated', me }),
      (error: unknown) => {
        if (isAbort(error)) return;
        const status = (error as { status?: number }).status;
        setState(status === 401 ? { status: 'anonymous' } : { status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => setState({ status: 'anonymous' }));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const { user } = await authApi.login(username, password);
    setState({ status: 'authenticated', me: user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setState({ status: 'anonymous' });
    }
  }, []);

  const recheck = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, login, logout, recheck }), [state, login, logout, recheck]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useMe() used outside an authenticated page');
  return state.me;
}
