/** A list endpoint's records, filters and paging limits. */

export type Predicate = (index: number) => boolean;
export type FilterFactory = (value: string) => Predicate;

export interface ListSource {
  /** Also the cursor's prefix: lowercase letters and dashes. */
  name: string;
  maxLimit: number;
  size(): number;
  /** Serialized record, UTF-8 (cached). */
  json(index: number): Buffer;
  /** A fresh copy of the record, to be altered by faults. */
  record(index: number): Record<string, any>;
  filters: Record<string, FilterFactory>;
  /** Filters applied when the query does not carry them. */
  defaults?: Record<string, string>;
  /** Error detail when a required filter is missing. */
  required?: (filters: Record<string, string>) => string | null;
  /** Where record `index` sits: what token scopes filter on. */
  scope: {
    level: 'account' | 'site';
    /** Account index (level account) or site index (level site). */
    of(index: number): number;
  };
  /**
   * `accountIds`, `siteIds`, `groupIds` take a single id, as the specification
   * declares for Application Management: a comma-joined list is answered for
   * its first id.
   */
  singleIdFilters?: boolean;
  /** Fields never nulled by `nullFieldRate`. */
  keep: string[];
  /** Nested objects whose own fields may be nulled, with the fields kept. */
  nested?: Record<string, string[]>;
  /** Date fields corrupted in malformed records (path of keys); none: no malformed records. */
  dateFields?: string[][];
  /** Extra id fields to change with `id` (e.g. threatInfo.threatId). */
  idAliases?: string[][];
  /** Sites: the nested `data: {allSites, sites}` shape. */
  sitesShape?: boolean;
  /**
   * Rows aggregated per request (inventory), from the filters and the token's
   * scope (a predicate on site indices, null: everything): replaces index lists.
   */
  rows?: (
    filters: Record<string, string>,
    siteVisible: Predicate | null,
  ) => Record<string, any>[];
}
