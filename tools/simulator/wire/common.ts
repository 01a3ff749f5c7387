/**
 * Envelopes every v2.1 answer shares: lists with cursor pagination, single
 * objects, and the error body.
 */

/** `pagination` of every list (`totalItems` is the only required field). */
export interface WirePagination {
  totalItems: number | null;
  nextCursor?: string | null;
}

export interface WireList<T> {
  data: T[];
  pagination: WirePagination;
}

export interface WireObject<T> {
  data: T;
}

export interface WireError {
  code: number;
  title: string;
  detail: string | Record<string, unknown> | null;
}

export interface WireErrorBody {
  errors: WireError[];
}

/** How some consoles write a boolean (see `REAL_WORLD_DEVIATIONS`). */
export type StringBoolean = 'True' | 'False';
