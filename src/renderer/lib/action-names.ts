/** Change-log actions (API method names) in the words a journalist reads; never the raw name. */
const ACTION_NAMES: Record<string, string> = {
  'documents.import': 'Imported the article',
  'documents.delete': 'Moved the article to the trash',
  'documents.update': 'Edited the article details',
  'trash.restore': 'Restored the article from the trash',
  'trash.empty': 'Emptied the trash',
  'mentions.create': 'Marked a mention',
  'mentions.update': 'Edited a mention',
  'mentions.delete': 'Removed a mention',
  'mentions.linkSameText': 'Linked the mentions of a name',
  'entities.create': 'Created an entity',
  'entities.update': 'Edited an entity',
  'entities.merge': 'Merged entities',
  'entities.split': 'Split an entity',
  'claims.create': 'Marked the claim',
  'claims.update': 'Edited the claim',
  'claims.delete': 'Deleted the claim',
  'claims.open': 'Reopened the claim',
  'claims.researching': 'Started research',
  'claims.in review': 'Sent for review',
  'claims.verified': 'Confirmed a self-review',
  'claims.changes requested': 'Sent back for changes',
  'reviews.approve': 'Approved',
  'reviews.request changes': 'Requested changes',
  'reviews.comment': 'Commented',
  'evidence.create': 'Added evidence',
  'evidence.update': 'Edited evidence',
  'evidence.delete': 'Removed evidence',
  'assist.acceptClaim': 'Accepted a suggested claim',
  'assist.acceptEntities': 'Accepted suggested mentions',
  'assist.rejectEntities': 'Rejected suggested mentions',
  'assist.unreject': 'Took back a rejection',
  'assist.confirmGap': 'Confirmed a masked name',
  'assist.propagate': 'Marked the other mentions of a name',
  'exchange.open': 'Received a shared file',
  'exchange.resolve': 'Resolved a merge conflict',
  'exchange.reattach': 'Placed an orphaned annotation again',
  'exchange.importBrat': 'Imported brat annotations',
  'scales.save': 'Saved a verdict scale',
  'settings.update': 'Changed the settings'
};

/** "Edited the claim", "Undid: edited the claim"; an action this list does not know is "Changed", not its raw name. */
export function actionName(action: string): string {
  const undo = /^(undo|redo) (.+)$/.exec(action);
  if (undo) return `${undo[1] === 'undo' ? 'Undid' : 'Redid'}: ${actionName(undo[2]!).toLowerCase()}`;
  return ACTION_NAMES[action] ?? 'Changed';
}
