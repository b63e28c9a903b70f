import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum StatusNoticesErrorCode {
  IncidentNotFound = 'status_notices.incident_not_found',
  /** An update that would move the status back (monitoring → investigating). */
  StatusBackwards = 'status_notices.status_backwards',
  /** An update to a resolved, hence closed, incident. */
  IncidentResolved = 'status_notices.incident_resolved',
}

const kindOf: Record<StatusNoticesErrorCode, ErrorKind> = {
  [StatusNoticesErrorCode.IncidentNotFound]: ErrorKind.NotFound,
  [StatusNoticesErrorCode.StatusBackwards]: ErrorKind.Invalid,
  [StatusNoticesErrorCode.IncidentResolved]: ErrorKind.Invalid,
};

export class StatusNoticesException extends domainExceptionFor(kindOf) {}
