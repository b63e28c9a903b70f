import { StatusNoticesErrorCode } from './status-notices.exception';

/** The stages of an incident, in the only order it moves through them; `resolved` closes it. */
export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** The statuses an incident may be opened with: one opened already resolved would never be shown as open. */
export const openingStatuses = ['investigating', 'identified', 'monitoring'] as const satisfies readonly IncidentStatus[];

export interface StatusChangeRefusal {
  code: StatusNoticesErrorCode;
  reason: string;
}

/**
 * Whether an update may move an incident from `current` to `next`: forward, possibly skipping stages (a fix found at
 * once goes from investigating to resolved), or staying (a progress note at the same stage); never back, and nothing
 * after `resolved`, which closes the incident (a recurrence is a new incident). Null when allowed.
 */
export function statusChangeRefusal(current: IncidentStatus, next: IncidentStatus): StatusChangeRefusal | null {
  if (current === 'resolved') {
    return { code: StatusNoticesErrorCode.IncidentResolved, reason: 'the incident is resolved; open a new one if it recurs' };
  }
  if (incidentStatuses.indexOf(next) < incidentStatuses.indexOf(current)) {
    return { code: StatusNoticesErrorCode.StatusBackwards, reason: `the status moves only forward, and ${next} comes before ${current}` };
  }
  return null;
}
