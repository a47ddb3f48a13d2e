// The one way the web talks to the server: JSON over fetch, session cookie, CSRF header, UI language.
import type { ApiErrorBody, ErrorKind, Locale } from '@sifang/shared/errors';
import { messagesOf } from '../../app/i18n/locales';

export type { ErrorKind, Locale };
export type ErrorBody = ApiErrorBody;

export class ApiError extends Error {
  readonly status: number;
  readonly kind: ErrorKind;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;
  /** The whole error body, for answers that carry more than the standard shape (e.g. `duplicates`). */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Partial<ErrorBody>, fallbackMessage: string) {
    super(body.message ?? fallbackMessage);
    this.name = 'ApiError';
    this.status = status;
    this.kind = body.kind ?? kindFromStatus(status);
    this.code = body.code ?? `http.${status}`;
    this.fields = body.fields && Object.keys(body.fields).length > 0 ? body.fields : undefined;
    this.body = body as Record<string, unknown>;
  }
}

function kindFromStatus(status: number): ErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'unprocessable';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  if (status === 400) return 'invalid';
  return 'internal';
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// Module-level session state, set by the auth and i18n providers (the client is used outside React too).
const state: { csrfToken: string | null; locale: Locale; onUnauthorized: (() => void) | null } = {
  csrfToken: null,
  locale: 'zh-CN',
  onUnauthorized: null,
};

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}
export function setApiLocale(locale: Locale): void {
  state.locale = locale;
}
export function getApiLocale(): Locale {
  return state.locale;
}
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  state.onUnauthorized = handler;
}

function fallback(key: 'error.network' | 'error.unknown'): string {
  return messagesOf(state.locale)[key];
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue>;

export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      for (const item of v) sp.append(k, String(item));
    } else {
      sp.set(k, String(v));
    }
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  /** A JSON body (serialised) or a Blob/File sent as is (e.g. an .xlsx import). */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Don't treat 401 as "session over" (login, me). */
  allowUnauthorized?: boolean;
};

const AUTH_PATHS = ['/api/auth/login', '/api/auth/me'];

export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.locale };
  let body: BodyInit | undefined;
  if (opts.body instanceof Blob) {
    body = opts.body;
    headers['content-type'] = opts.contentType ?? (opts.body.type || 'application/octet-stream');
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  let res: Response;
  try {
    res = await fetch(path + toQueryString(opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { kind: 'internal', code: 'network' }, fallback('error.network'));
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const errBody = (data && typeof data === 'object' ? data : {}) as Partial<ErrorBody>;
    const err = new ApiError(res.status, errBody, fallback('error.unknown'));
    if (res.status === 401 && !opts.allowUnauthorized && !AUTH_PATHS.includes(path)) {
      state.onUnauthorized?.();
    }
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** `resource` is the path after /api/ (e.g. `parts`, `users`). */
export function resourceUrl(resource: string, id?: string, action?: string): string {
  let url = `/api/${resource}`;
  if (id) url += `/${encodeURIComponent(id)}`;
  if (action) url += `/${action}`;
  return url;
}

/** `totalExact: false`: more than `total` match (the server counts up to 1,000 unless sent `count=exact`). */
export type ListResult<T> = { items: T[]; total: number; totalExact: boolean };
