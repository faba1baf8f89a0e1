import { replay } from '../../store/history';
import { changeSetOf } from '../change-set';
import { documentText } from './lookups';
import type { HandlerMap } from './types';

export const historyHandlers: HandlerMap<'history.undo' | 'history.redo'> = {
  'history.undo'(ctx, { documentId }) {
    documentText(ctx.db, documentId);
    return changeSetOf(ctx.db, replay(ctx.asUser(), documentId, 'undo'));
  },
  'history.redo'(ctx, { documentId }) {
    documentText(ctx.db, documentId);
    return changeSetOf(ctx.db, replay(ctx.asUser(), documentId, 'redo'));
  }
};
