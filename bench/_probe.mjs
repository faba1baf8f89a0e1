import { register } from 'tsx/esm/api';
register({ tsconfig: '/work/wt/h9-xpar/tsconfig.node.json' });
await import('./_probe.ts');
