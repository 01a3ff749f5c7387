import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';

import { API_BASE_PATH, ClientLogger, Query } from './transport';
import { S1Pagination } from './types';

export interface PageInfo {
  /** 1-based number of this page in the iteration. */
  page: number;
  /** Records handed on so far, this page's included. */
  fetched: number;
  /** What the API says the iteration holds, when it says. */
  totalItems?: number;
}

export type PageHandler<T> = (
  records: T[],
  info: PageInfo,
) => Promise<void> | void;

export interface IterationSummary {
  endpoint: string;
  pages: number;
  records: number;
  /** Records dropped because this or the previous page carried their id. */
  duplicates: number;
  totalItems?: number;
}

export interface PaginateOptions<T> {
  path: string;
  query: Query;
  limit: number;
  /** Issues one request for a page; `cursor` is undefined for the first. */
  fetchPage: (
    query: Query,
  ) => Promise<{ records: T[]; pagination?: S1Pagination }>;
  /**
   * Request the next page while the caller handles this one. Off where other
   * streams already keep the network busy: each would only hold one more
   * page in memory.
   */
  readAhead: boolean;
  /** A record's identity for de-duplication; undefined passes it through. */
  identify: (record: T) => string | undefined;
  logger: ClientLogger;
  progressEveryPages: number;
}

/**
 * Walks a cursor-paginated list, handing each page to `onPage` as it arrives
 * while the next page is already on its way (read-ahead of one page), so the
 * network wait hides behind the caller's work and memory holds two pages.
 *
 * Guards against a misbehaving API: a cursor returned twice ends the iteration
 * with an error (instead of looping forever), and a record repeated at a page
 * boundary (what a cursor walk of a list that changes under it produces) is
 * handed on once. Only the previous page's ids are kept for that: a set of
 * every id would hold 100,000 strings for a whole agent listing, and repeats
 * further apart are left to the graph writer, which the SDK's key tracker
 * already answers. Records without an id are passed through for the caller
 * to reject and count.
 */
export async function paginate<T>(
  options: PaginateOptions<T>,
  onPage: PageHandler<T>,
): Promise<IterationSummary> {
  const endpoint = `GET ${API_BASE_PATH}${options.path}`;
  const seenCursors = new Set<string>();
  let previousPageIds = new Set<string>();
  const summary: IterationSummary = {
    endpoint,
    pages: 0,
    records: 0,
    duplicates: 0,
  };

  type Page = { records: T[]; pagination?: S1Pagination };
  const request = (cursor?: string): Promise<Page> => {
    const pending = options.fetchPage({
      ...options.query,
      limit: options.limit,
      cursor,
    });
    // The read-ahead may fail while the caller is still busy with the
    // previous page: it is awaited (and its error surfaced) right after.
    pending.catch(() => undefined);
    return pending;
  };

  let next: Promise<Page> | undefined = request();
  for (;;) {
    const { records, pagination }: Page = await next!;
    const cursor: string | undefined = pagination?.nextCursor || undefined;
    if (cursor) {
      if (seenCursors.has(cursor)) {
        throw new IntegrationProviderAPIError({
          endpoint,
          status: 'REPEATED_CURSOR',
          statusText: `the API returned the cursor '${cursor.slice(
            0,
            60,
          )}' a second time after ${summary.pages + 1} pages (${
            summary.records
          } records); stopping instead of looping`,
        });
      }
      seenCursors.add(cursor);
    }
    next = cursor && options.readAhead ? request(cursor) : undefined;

    const pageIds = new Set<string>();
    const fresh = records.filter((record) => {
      const id = options.identify(record);
      if (!id) return true;
      if (pageIds.has(id) || previousPageIds.has(id)) return false;
      pageIds.add(id);
      return true;
    });
    previousPageIds = pageIds;
    summary.duplicates += records.length - fresh.length;
    summary.pages++;
    summary.records += fresh.length;
    summary.totalItems = pagination?.totalItems ?? summary.totalItems;

    if (summary.pages % options.progressEveryPages === 0) {
      options.logger.info(
        {
          endpoint,
          pages: summary.pages,
          fetched: summary.records,
          totalItems: summary.totalItems,
        },
        `Fetched ${summary.records} of ${summary.totalItems ?? '?'} from ${
          options.path
        }`,
      );
    }
    await onPage(fresh, {
      page: summary.pages,
      fetched: summary.records,
      totalItems: summary.totalItems,
    });
    if (!cursor) return summary;
    next ??= request(cursor);
  }
}
