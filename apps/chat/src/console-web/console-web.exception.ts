import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum ConsoleWebErrorCode {
  AssetNotFound = 'console.asset_not_found',
  /** chat runs without the console's browser code (`npm run build` bundles it into CHAT_CONSOLE_WEB_DIR). */
  NotBuilt = 'console.not_built',
}

const kindOf: Record<ConsoleWebErrorCode, ErrorKind> = {
  [ConsoleWebErrorCode.AssetNotFound]: ErrorKind.NotFound,
  [ConsoleWebErrorCode.NotBuilt]: ErrorKind.Unavailable,
};

export class ConsoleWebException extends domainExceptionFor(kindOf) {}
