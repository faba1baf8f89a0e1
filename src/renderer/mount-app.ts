import { mount } from 'svelte';
import App from './App.svelte';
import { api } from './lib/api-client';

/** The whole window, loaded by main.ts once the first data request is on its way. */
export const mountApp = (target: HTMLElement) => mount(App, { target, props: { api } });
