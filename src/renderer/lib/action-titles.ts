/** What each kind of change is called where a person reads it (history steps, the Undo and Redo buttons). */
const TITLES: Record<string, string> = {
  'claims.create': 'Marked the claim',
  'claims.update': 'Edited the claim',
  'claims.delete': 'Deleted the claim',
  'claims.researching': 'Started research',
  'claims.in review': 'Sent for review',
  'reviews.approve': 'Approved',
  'reviews.request changes': 'Requested changes',
  'reviews.comment': 'Commented',
  'evidence.create': 'Added evidence',
  'evidence.update': 'Edited evidence',
  'evidence.delete': 'Removed evidence',
  'mentions.create': 'Marked a mention',
  'mentions.update': 'Edited a mention',
  'mentions.delete': 'Deleted a mention',
  'entities.create': 'Added an entity',
  'entities.update': 'Edited an entity',
  'entities.merge': 'Merged entities',
  'entities.split': 'Split an entity',
  'assist.acceptClaim': 'Accepted a suggested claim',
  'assist.acceptEntities': 'Accepted suggestions',
  'assist.rejectEntities': 'Rejected suggestions',
  'assist.unreject': 'Brought back a rejected suggestion',
  'assist.confirmGap': 'Marked a masked name',
  'assist.propagate': 'Marked the other occurrences'
};

export function actionTitle(action: string): string {
  const undo = /^(undo|redo) (.+)$/.exec(action);
  if (undo) return `${undo[1] === 'undo' ? 'Undid' : 'Redid'}: ${actionTitle(undo[2]).toLowerCase()}`;
  // A change of claim status without a name of its own ("claims.verified").
  const status = /^claims\.(.+)$/.exec(action);
  return TITLES[action] ?? (status ? `Status set to ${status[1]}` : 'Change');
}
