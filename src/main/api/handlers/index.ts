import { assistHandlers } from './assist';
import { claimHandlers } from './claims';
import { documentHandlers } from './documents';
import { documentPartHandlers } from './document-parts';
import { entityHandlers } from './entities';
import { evidenceHandlers } from './evidence';
import { exchangeHandlers } from './exchange';
import { exportHandlers } from './export';
import { historyHandlers } from './history';
import { importHandlers } from './imports';
import { maintenanceHandlers } from './maintenance';
import { mentionHandlers } from './mentions';
import { settingsHandlers } from './settings';
import { verificationHandlers } from './verification';
import type { HandledMethod, HandlerMap } from './types';

/** One handler per contract method; the type makes a missing one a compile error. */
export const handlers: HandlerMap<HandledMethod> = {
  ...settingsHandlers,
  ...documentHandlers,
  ...documentPartHandlers,
  ...importHandlers,
  ...entityHandlers,
  ...mentionHandlers,
  ...claimHandlers,
  ...evidenceHandlers,
  ...historyHandlers,
  ...maintenanceHandlers,
  ...verificationHandlers,
  ...exportHandlers,
  ...exchangeHandlers,
  ...assistHandlers
};
