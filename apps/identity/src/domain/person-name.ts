export interface PersonName {
  /** The name shown everywhere: the full name, or first and last name joined. */
  fullName: string;
  firstName: string | null;
  lastName: string | null;
}

/** A name given whole: the first word is taken as the first name and the rest as the last name. */
export function nameFromFullName(fullName: string): PersonName {
  const [firstName, ...rest] = fullName.trim().split(/\s+/);
  return { fullName: fullName.trim(), firstName: firstName || null, lastName: rest.join(' ') || null };
}

/** A name given in parts; at least one part must be non-empty. */
export function nameFromParts(firstName: string | null, lastName: string | null): PersonName {
  return { fullName: [firstName, lastName].filter(Boolean).join(' '), firstName: firstName || null, lastName: lastName || null };
}

/** A change of name as an agent sends it: the whole name, or first and/or last name (null clears one). */
export interface NameChange {
  name?: string;
  firstName?: string | null;
  lastName?: string | null;
}

export const noName: PersonName = { fullName: '', firstName: null, lastName: null };

/** The name after a change; the current one when the change does not touch it. An empty `fullName` means no name is left. */
export function nameAfter(change: NameChange, current: PersonName): PersonName {
  if (change.name !== undefined) return nameFromFullName(change.name);
  if (change.firstName === undefined && change.lastName === undefined) return current;
  return nameFromParts(
    change.firstName === undefined ? current.firstName : change.firstName,
    change.lastName === undefined ? current.lastName : change.lastName,
  );
}
