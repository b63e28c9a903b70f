/** A service's settings as its settings API answers them (libs/platform's `settingsController`). */
export type Settings = Record<string, unknown>;

/**
 * How a setting is edited, told by the value the service answers (so the form follows a service's settings as they
 * grow): lists and anything else structured as JSON; a `null` as text where empty means none.
 */
export type SettingKind = 'boolean' | 'number' | 'text' | 'longText' | 'nullableText' | 'group' | 'json';

export function kindOf(value: unknown): SettingKind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return value.length > 80 || value.includes('\n') ? 'longText' : 'text';
  if (value === null) return 'nullableText';
  if (typeof value === 'object' && !Array.isArray(value)) return 'group';
  return 'json';
}

/** The value as its control holds it while edited. */
export function toDraft(value: unknown): unknown {
  switch (kindOf(value)) {
    case 'json':
      return JSON.stringify(value, null, 2);
    case 'nullableText':
      return '';
    case 'group':
      return Object.fromEntries(Object.entries(value as Settings).map(([name, inner]) => [name, toDraft(inner)]));
    default:
      return value;
  }
}

/** A setting edited as JSON that does not parse; `path` names it (an object's part after the setting's name). */
export class InvalidJson extends Error {
  constructor(readonly path: string[]) {
    super(`${path.join('.')} is not valid JSON`);
  }
}

/** The edited value as the service takes it, shaped like the value it answered. */
function fromDraft(draft: unknown, loaded: unknown, path: string[]): unknown {
  switch (kindOf(loaded)) {
    case 'json':
      try {
        return JSON.parse(draft as string);
      } catch {
        throw new InvalidJson(path);
      }
    case 'nullableText':
      return (draft as string).trim() === '' ? null : draft;
    case 'group':
      return Object.fromEntries(
        Object.entries(loaded as Settings).map(([name, inner]) => [name, fromDraft((draft as Settings)[name], inner, [...path, name])]),
      );
    default:
      return draft;
  }
}

/** The body of `PATCH …/settings`: each setting whose edited value differs from the one loaded, whole. */
export function changedSettings(loaded: Settings, draft: Settings): Settings {
  return Object.fromEntries(
    Object.entries(loaded)
      .map(([name, value]) => [name, fromDraft(draft[name], value, [name])] as const)
      .filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(loaded[name])),
  );
}
