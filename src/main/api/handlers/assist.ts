/** Assisted annotation: suggestions, propagation, gap restoration, the entity registry and search. */
import { propagationHandlers } from './assist-propagation';
import { gapHandlers } from './assist-gaps';
import { suggestionHandlers } from './assist-suggestions';
import { registryHandlers } from './entity-registry';
import { searchHandlers } from './library-search';

export const assistHandlers = {
  ...suggestionHandlers,
  ...propagationHandlers,
  ...gapHandlers,
  ...registryHandlers,
  ...searchHandlers
};
