/** Record fields (the keys of claims, evidence, mentions and entities) in the words a journalist reads. */
const FIELD_NAMES: Record<string, string> = {
  text: 'claim as checked',
  exact: 'quoted text',
  claimantId: 'claimant',
  claimDate: 'claim date',
  score: 'check-worthiness',
  scoreReason: 'reason for the check-worthiness',
  status: 'status',
  verdict: 'verdict',
  explanation: 'explanation',
  relation: 'relation',
  title: 'title',
  url: 'URL',
  archivedUrl: 'archived URL',
  publisher: 'publisher',
  accessedAt: 'date accessed',
  excerpt: 'excerpt',
  note: 'note',
  position: 'order',
  type: 'type',
  entityId: 'linked entity',
  origin: 'origin',
  masked: 'masked name',
  restoration: 'restored name',
  name: 'name',
  aliases: 'other names',
  description: 'description',
  externalIds: 'external identifiers'
};

/** "archivedUrl" → "archived URL", as the forms label it; a field this list does not know is split into words ("someField" → "some field"). */
export function fieldName(key: string): string {
  return FIELD_NAMES[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
