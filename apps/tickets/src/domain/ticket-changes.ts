import type { TicketFieldChange } from '@helpgate/contracts';
import type { TicketPriority } from './priorities';
import type { TicketStatus } from './ticket-status';

/** The fields of a ticket that change while it is worked on. */
export interface ChangeableFields {
  status: TicketStatus;
  priority: TicketPriority;
  categoryId: string | null;
  assigneeId: string | null;
  tags: string[];
}

export type TicketPatch = Partial<ChangeableFields>;

const fieldOrder: readonly (keyof ChangeableFields)[] = ['status', 'priority', 'categoryId', 'assigneeId', 'tags'];

/** What a patch really changes, field by field, from and to; a value given unchanged is no change (tags in any order). */
export function changesOf(current: ChangeableFields, patch: TicketPatch): TicketFieldChange[] {
  return fieldOrder.flatMap((field): TicketFieldChange[] => {
    const next = patch[field];
    if (next === undefined || sameValue(current[field], next)) return [];
    return [{ field, from: current[field], to: next }];
  });
}

function sameValue(a: ChangeableFields[keyof ChangeableFields], b: ChangeableFields[keyof ChangeableFields]): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  const [setA, setB] = [new Set(a), new Set(b)];
  return setA.size === setB.size && [...setB].every((item) => setA.has(item));
}
