import { incidentStatuses, IncidentStatus, statusChangeRefusal } from './incident-status';
import { StatusNoticesErrorCode } from './status-notices.exception';

describe('statusChangeRefusal', () => {
  const pairs = incidentStatuses.flatMap((current) => incidentStatuses.map((next) => [current, next] as [IncidentStatus, IncidentStatus]));

  it('lets an open incident move forward, skip stages or stay for a progress note', () => {
    expect(statusChangeRefusal('investigating', 'identified')).toBeNull();
    expect(statusChangeRefusal('identified', 'monitoring')).toBeNull();
    expect(statusChangeRefusal('monitoring', 'resolved')).toBeNull();
    expect(statusChangeRefusal('investigating', 'resolved')).toBeNull();
    expect(statusChangeRefusal('identified', 'identified')).toBeNull();
  });

  it('refuses every move back, naming both stages', () => {
    const backwards = pairs.filter(
      ([current, next]) => current !== 'resolved' && incidentStatuses.indexOf(next) < incidentStatuses.indexOf(current),
    );
    expect(backwards).toHaveLength(3);
    for (const [current, next] of backwards) {
      expect(statusChangeRefusal(current, next)).toEqual({
        code: StatusNoticesErrorCode.StatusBackwards,
        reason: `the status moves only forward, and ${next} comes before ${current}`,
      });
    }
  });

  it('refuses any update once resolved, even "resolved" again', () => {
    for (const next of incidentStatuses) {
      expect(statusChangeRefusal('resolved', next)?.code).toBe(StatusNoticesErrorCode.IncidentResolved);
    }
  });
});
