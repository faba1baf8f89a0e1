/** `factdesk suggest`: entity or claim suggestions for a document, as the window offers them. */
import type { CliContext } from './command';
import { UsageError, unwrap, type CliCommand } from './command';
import { tsvLine } from './format';

const suggestCommand: CliCommand = {
  name: 'suggest',
  synopsis: 'ID',
  summary:
    'suggest entities (START<TAB>END<TAB>TYPE<TAB>text<TAB>reason) or claims (SCORE<TAB>START<TAB>END<TAB>claimant<TAB>sentence<TAB>reasons), English only',
  flags: {
    entities: { type: 'boolean', description: 'suggest entity mentions, in text order' },
    claims: { type: 'boolean', description: 'suggest check-worthy claims, best first' },
    limit: { type: 'string', valueName: 'N', description: 'at most N claim suggestions (default 50)' },
    json: { type: 'boolean', description: 'print the whole result as JSON' }
  },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [documentId], flags }) {
    if (!flags.entities === !flags.claims) throw badUsage('give exactly one of --entities and --claims');
    const limit = flags.limit === undefined ? undefined : Number(flags.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) {
      throw badUsage('--limit takes a whole number from 1 to 1000');
    }
    if (flags.entities) {
      const result = unwrap(await ctx.api.call('assist.entitySuggestions', { documentId }));
      report(ctx, result, !!flags.json, () => result.suggestions.map((s) => tsvLine([s.start, s.end, s.type, s.exact, s.reason])));
    } else {
      const result = unwrap(await ctx.api.call('assist.claimSuggestions', { documentId, limit }));
      report(ctx, result, !!flags.json, () =>
        result.suggestions.map((s) => tsvLine([s.score.toFixed(2), s.start, s.end, s.claimant?.name ?? '', s.exact, s.scoreReason]))
      );
    }
    return 0;
  }
};

/** Bad usage found once the command runs: exit code 2, like a parse error. */
const badUsage = (message: string) => new UsageError(message, 'suggest');

/** Prints the lines (or the JSON); a text that does not look English is flagged on stderr. */
function report(ctx: CliContext, result: { language: string; notice: string }, json: boolean, lines: () => string[]) {
  if (result.language !== 'en') ctx.io.err(`factdesk suggest: ${result.notice}`);
  if (json) ctx.io.json(result);
  else for (const line of lines()) ctx.io.out(line);
}

export const assistCommands: CliCommand[] = [suggestCommand];
