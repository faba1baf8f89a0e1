// Preloaded (node --import) into every process the CLI benchmark times: on exit it writes the
// process's peak resident memory in bytes (getrusage maxrss) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));
