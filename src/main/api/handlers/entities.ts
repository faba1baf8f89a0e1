import { listEntities, entityRow } from '../../store/entities';
import { runMutation } from '../../store/history';
import { changeSetOf } from '../change-set';
import { requireEntity } from './lookups';
import type { HandlerMap } from './types';

const uniqueAliases = (aliases: string[], name: string) =>
  [...new Set(aliases.map((a) => a.trim()))].filter((a) => a && a !== name);

export const entityHandlers: HandlerMap<'entities.list' | 'entities.create' | 'entities.update'> = {
  'entities.list': (ctx, { query, limit }) => listEntities(ctx.db, query?.trim() ?? '', limit ?? 200),

  'entities.create'(ctx, input) {
    const id = ctx.newId();
    const name = input.name.trim();
    const { group } = runMutation(ctx.asUser(), { documentId: input.documentId ?? null, action: 'entities.create' }, (g) =>
      g.insert(
        'entities',
        entityRow({
          id,
          name,
          type: input.type,
          aliases: uniqueAliases(input.aliases ?? [], name),
          description: input.description ?? '',
          externalIds: input.externalIds ?? {},
          createdAt: g.at,
          updatedAt: g.at
        })
      )
    );
    return changeSetOf(ctx.db, group, id);
  },

  'entities.update'(ctx, input) {
    const entity = requireEntity(ctx.db, input.id);
    const name = input.name?.trim() ?? entity.name;
    const { group } = runMutation(ctx.asUser(), { documentId: input.documentId ?? null, action: 'entities.update' }, (g) => {
      const next = entityRow({
        ...entity,
        name,
        type: input.type ?? entity.type,
        aliases: uniqueAliases(input.aliases ?? entity.aliases, name),
        description: input.description ?? entity.description,
        externalIds: input.externalIds ?? entity.externalIds,
        updatedAt: g.at
      });
      g.update('entities', entity.id, next);
    });
    return changeSetOf(ctx.db, group);
  }
};
