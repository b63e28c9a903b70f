import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum HelpCenterWebErrorCode {
  AssetNotFound = 'help_center.asset_not_found',
  /** chat runs without the browser code (`npm run build` bundles it into CHAT_WEB_DIR). */
  NotBuilt = 'help_center.not_built',
}

const kindOf: Record<HelpCenterWebErrorCode, ErrorKind> = {
  [HelpCenterWebErrorCode.AssetNotFound]: ErrorKind.NotFound,
  [HelpCenterWebErrorCode.NotBuilt]: ErrorKind.Unavailable,
};

export class HelpCenterWebException extends domainExceptionFor(kindOf) {}
