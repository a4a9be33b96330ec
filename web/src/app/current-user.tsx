import { createContext, type ReactNode, useContext } from 'react';
import type { User } from '../api/types.js';

const CurrentUserContext = createContext<User | null>(null);

/** Makes the signed-in person available to every page below the sign-in gate. */
export function CurrentUserProvider({ user, children }: { user: User; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in person; only valid below {@link CurrentUserProvider}. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() used outside the signed-in part of the portal');
  return user;
}

/** Whether the signed-in person is a Keeper (runs the platform). */
export function useIsKeeper(): boolean {
  return useCurrentUser().role === 'keeper';
}
