/**
 * Hash routes: file:// in Electron and the loopback server both serve one index.html. A route may
 * carry query parameters after its name (`#/orders?platform=tmall&status=paid`), so a screen's
 * filters live in the URL: back/forward and a reload keep them, and another screen can link to a
 * filtered view.
 */
import { useSyncExternalStore } from 'react';

export const ROUTES = [
  'dashboard',
  'orders',
  'import',
  'history',
  'customers',
  'review',
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

/** The query string of a hash (`a=1&b=2`, without the `?`), '' when it has none. */
export function hashQuery(hash: string): string {
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

/**
 * `#/orders?platform=tmall`, `#/customers/12`: a route's address with a path under it (one item's
 * page) and its parameters (empty ones left out).
 */
export function routeHref(route: Route, params?: URLSearchParams, path?: string): string {
  const query = params?.toString() ?? '';
  const base = path ? `#/${route}/${encodeURIComponent(path)}` : `#/${route}`;
  return query ? `${base}?${query}` : base;
}

export function navigate(route: Route, params?: URLSearchParams, path?: string): void {
  const target = routeHref(route, params, path);
  if (window.location.hash !== target) window.location.hash = target;
}

/** The path under a hash's route: `#/customers/12?x=1` → '12'; '' when it has none. */
export function hashPath(hash: string): string {
  const [, ...rest] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  return rest
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    })
    .join('/');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash));
}

/** The path under the current route (an item's id), '' when there is none. */
export function useRoutePath(): string {
  return useSyncExternalStore(subscribe, () => hashPath(window.location.hash));
}

/** The current route's query string: a screen parses it into its filters. */
export function useRouteQuery(): string {
  return useSyncExternalStore(subscribe, () => hashQuery(window.location.hash));
}

/** Electron menu commands 'navigate:<route>' name these routes. */
export function routeOfMenuCommand(command: string): Route | null {
  if (!command.startsWith('navigate:')) return null;
  const name = command.slice('navigate:'.length);
  return isRoute(name) ? name : null;
}
