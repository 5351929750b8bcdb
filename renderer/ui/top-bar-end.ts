/**
 * What the application shows at the right end of every screen's top bar (the team corner:
 * avatars, sync indicator, team settings). The app root provides it once, so the generic
 * shell renders it without importing a feature folder, and every screen gets it without
 * passing it along.
 */
import { createContext, type ReactNode } from 'react';

/** The top bar's right-hand end; nothing unless the app root provides it. */
export const TopBarEndContext = createContext<ReactNode>(null);
