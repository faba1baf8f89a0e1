/**
 * Who a window says is acting. The user name is the library's (settings), so another window can
 * switch it; every call a window makes names the user it shows, and the service refuses a write
 * when that is no longer the library's user, instead of stamping or signing it with a name the
 * window did not show. The command line has no window and names nobody.
 */
import type { MethodName } from './contract';

/** The HTTP header that carries the acting user (URI-encoded: names are not limited to Latin-1). */
export const ACTING_USER_HEADER = 'x-factdesk-user';

/**
 * Methods that run whoever is acting: reads, which stamp nothing, and settings.update, by which a
 * window switches the user (also back from a name another window chose).
 */
export const METHODS_FOR_ANY_USER: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.info',
  'app.start',
  'settings.get',
  'settings.update',
  'labels.list',
  'scales.list',
  'documents.list',
  'documents.get',
  'documents.text',
  'documents.annotations',
  'documents.annotationColumns',
  'entities.list',
  'entities.registry',
  'entities.page',
  'claims.history',
  'claims.reviewView',
  'documents.history',
  'imports.status',
  'imports.list',
  'assist.entitySuggestions',
  'assist.rejections',
  'assist.propagationPreview',
  'assist.claimSuggestions',
  'assist.gapCandidates',
  'search.library',
  'export.factSheet',
  'export.verifySheet',
  'backups.list',
  'trash.list',
  'exchange.validate',
  'exchange.preview',
  'exchange.conflicts',
  'exchange.orphans',
  'exchange.exportBrat',
  'exchange.exportW3c'
]);
