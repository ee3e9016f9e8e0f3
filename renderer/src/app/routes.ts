/** Hash routes: file:// in Electron and the loopback server both serve one index.html. */
import { useSyncExternalStore } from 'react';

export const ROUTES = [
  'dashboard',
  'import',
  'history',
  'customers',
  'profit',
  'value',
  'vip',
  'settings',
] as const;
export type Route = (typeof ROUTES)[number];

const DEFAULT_ROUTE: Route = 'dashboard';

function isRoute(value: string): value is Route {
  return (ROUTES as readonly string[]).includes(value);
}

export function parseHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRoute(name) ? name : DEFAULT_ROUTE;
}

export function navigate(route: Route): void {
  const target = `#/${route}`;
  if (window.location.hash !== target) window.location.hash = target;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash));
}

/** Electron menu commands 'navigate:<route>' name these routes. */
export function routeOfMenuCommand(command: string): Route | null {
  if (!command.startsWith('navigate:')) return null;
  const name = command.slice('navigate:'.length);
  return isRoute(name) ? name : null;
}
