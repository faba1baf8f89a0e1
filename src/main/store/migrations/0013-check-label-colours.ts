import type { Migration } from './types';

const isColour = (column: string) => `(length(${column}) = 7 AND ${column} GLOB '#${'[0-9A-Fa-f]'.repeat(6)}')`;

/**
 * Label colours are `#rrggbb` only (they go into style attributes): colours already stored in
 * another form become neutral grey, and triggers refuse any other form from now on.
 */
export const checkLabelColours: Migration = {
  version: 13,
  name: 'check-label-colours',
  up(db) {
    const refuse = `BEGIN SELECT RAISE(ABORT, 'a label colour is written #rrggbb'); END`;
    db.exec(`
      UPDATE label_types SET color = '#6b7280' WHERE NOT ${isColour('color')};
      CREATE TRIGGER label_types_color_insert BEFORE INSERT ON label_types WHEN NOT ${isColour('NEW.color')} ${refuse};
      CREATE TRIGGER label_types_color_update BEFORE UPDATE OF color ON label_types WHEN NOT ${isColour('NEW.color')} ${refuse};
    `);
  }
};
