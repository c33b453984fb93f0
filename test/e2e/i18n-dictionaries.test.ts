import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/case/roles.js';
import { OPEN_STATUSES, REJECT_REASONS, STATUSES } from '../../src/domain/case/status.js';
import { ACTION_NAMES } from '../../src/domain/case/workflow.js';
import { CHANNELS } from '../../src/domain/channels.js';
import * as ui from '../../web/src/api/types.js';
import { en } from '../../web/src/i18n/en.js';
import { id } from '../../web/src/i18n/id.js';

/** The UI's two dictionaries: same keys (also enforced by the type checker), same placeholders, no blanks. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Intentionally empty: an action with no help text (auto_close is never offered as a button).
const MAY_BE_EMPTY = new Set(['actionHelp.auto_close']);

describe('UI dictionaries', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it.each(Object.keys(id) as (keyof typeof id)[])('%s: same placeholders in both languages, and a text', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(id[key]));
    if (!MAY_BE_EMPTY.has(key)) {
      expect(id[key].trim()).not.toBe('');
      expect(en[key].trim()).not.toBe('');
    }
  });

  it('name every status, action, channel, reject reason and role of the domain', () => {
    const keys = new Set(Object.keys(id));
    const missing = [
      ...STATUSES.flatMap((s) => [`status.${s}`, `statusHelp.${s}`]),
      ...ACTION_NAMES.flatMap((a) => [`actionName.${a}`, `actionHelp.${a}`, `event.${a}`]),
      ...CHANNELS.map((c) => `channel.${c}`),
      ...REJECT_REASONS.map((r) => `reject.${r}`),
      ...ROLES.map((r) => `role.${r}`),
    ].filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });

  it('the UI offers the same vocabularies as the domain', () => {
    expect([...ui.STATUSES]).toEqual([...STATUSES]);
    expect([...ui.CHANNELS]).toEqual([...CHANNELS]);
    expect([...ui.REJECT_REASONS]).toEqual([...REJECT_REASONS]);
    expect([...ui.OPEN_STATUSES]).toEqual([...OPEN_STATUSES]);
  });
});
