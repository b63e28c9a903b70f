/** The name of the unique constraint a Postgres insert violated, or null for any other error. */
export function violatedUniqueConstraint(error: unknown): string | null {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint } = driverError as { code?: string; constraint?: string };
  return code === '23505' ? (constraint ?? '') : null;
}
