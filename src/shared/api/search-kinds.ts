/** What library search looks through. Kept apart from the method schemas so the search panel needs no schema library. */
export const SEARCH_KINDS = ['document', 'claim', 'evidence', 'entity'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
