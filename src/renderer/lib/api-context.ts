import { createContext } from 'svelte';
import type { ApiClient } from '../../shared/api/client';

/** The window's one API client, for components that make a state object of their own. */
export const [getApiClient, setApiClient] = createContext<ApiClient>();
