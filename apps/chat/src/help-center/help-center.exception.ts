import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum HelpCenterErrorCode {
  /** A greeting for a language chat is not configured for (CHAT_LANGUAGES). */
  UnknownLanguage = 'help_center.unknown_language',
  /** A logo the panel would load from outside the deployment. */
  LogoOutsideDeployment = 'help_center.logo_outside_deployment',
  /** An uploaded logo that is not a PNG, JPEG, GIF or WebP image by its bytes. */
  LogoNotAnImage = 'help_center.logo_not_an_image',
  LogoTooLarge = 'help_center.logo_too_large',
  LogoNotFound = 'help_center.logo_not_found',
}

const kindOf: Record<HelpCenterErrorCode, ErrorKind> = {
  [HelpCenterErrorCode.UnknownLanguage]: ErrorKind.Invalid,
  [HelpCenterErrorCode.LogoOutsideDeployment]: ErrorKind.Invalid,
  [HelpCenterErrorCode.LogoNotAnImage]: ErrorKind.Invalid,
  [HelpCenterErrorCode.LogoTooLarge]: ErrorKind.Invalid,
  [HelpCenterErrorCode.LogoNotFound]: ErrorKind.NotFound,
};

export class HelpCenterException extends domainExceptionFor(kindOf) {}
