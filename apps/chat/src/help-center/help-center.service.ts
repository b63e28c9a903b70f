import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Page, PageOf, SettingChange, SettingsStore, sha256Hex, StoredFile } from '@helpgate/platform';
import { sniffContentType } from '../files/sniff-content-type';
import { ChangeHelpCenterSettingsDto, HelpCenterConfigDto, LogoUploadDto } from './help-center.dto';
import { HelpCenterErrorCode, HelpCenterException } from './help-center.exception';
import {
  HELP_CENTER_CONFIG,
  HelpCenterConfig,
  HelpCenterSettings,
  defaultHelpCenterSettings,
  helpCenterSettingSchemas,
} from './help-center.settings';
import { HelpCenterLogosRepository } from './help-center-logos.repository';
import { isOnDeployment } from './logo-location';

/** A logo is shown small: a larger file only slows every panel that opens. */
export const maxLogoBytes = 512 * 1024;

const logoTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** The help center's appearance and links: admins change them (audited), the panel reads them without a token. */
@Injectable()
export class HelpCenterService {
  private readonly settings: SettingsStore<HelpCenterSettings>;

  constructor(
    dataSource: DataSource,
    private readonly logos: HelpCenterLogosRepository,
    @Inject(HELP_CENTER_CONFIG) private readonly config: HelpCenterConfig,
  ) {
    this.settings = new SettingsStore(
      dataSource,
      { values: 'help_center_settings', audit: 'help_center_settings_audit' },
      helpCenterSettingSchemas,
      defaultHelpCenterSettings,
    );
  }

  current(): Promise<HelpCenterSettings> {
    return this.settings.current();
  }

  change(patch: ChangeHelpCenterSettingsDto, actor: string): Promise<HelpCenterSettings> {
    const unknownLanguages = Object.keys(patch.greetings ?? {}).filter((language) => !this.config.languages.includes(language));
    if (unknownLanguages.length > 0) {
      throw new HelpCenterException(
        HelpCenterErrorCode.UnknownLanguage,
        `Chat does not work in ${unknownLanguages.join(', ')}: the languages are ${this.config.languages.join(', ')} (CHAT_LANGUAGES)`,
      );
    }
    if (patch.logoUrl && !isOnDeployment(patch.logoUrl, Object.values(this.config.publicUrls))) {
      throw new HelpCenterException(
        HelpCenterErrorCode.LogoOutsideDeployment,
        'The logo must be served by this deployment: upload it, or give a URL on one of the services',
      );
    }
    return this.settings.change(patch, actor);
  }

  changes(page: Page): Promise<PageOf<SettingChange>> {
    return this.settings.changes(page);
  }

  /** Stores an uploaded image and makes it the logo (an audited change of `logoUrl`). */
  async uploadLogo(upload: LogoUploadDto, actor: string): Promise<HelpCenterSettings> {
    const content = Buffer.from(upload.contentBase64, 'base64');
    if (content.length > maxLogoBytes) {
      throw new HelpCenterException(HelpCenterErrorCode.LogoTooLarge, `A logo may take at most ${maxLogoBytes} bytes`);
    }
    const contentType = sniffContentType(content);
    if (!logoTypes.has(contentType)) {
      throw new HelpCenterException(HelpCenterErrorCode.LogoNotAnImage, 'A logo must be a PNG, JPEG, GIF or WebP image');
    }
    const sha256 = sha256Hex(content);
    await this.logos.store({ sha256, contentType, content });
    return this.settings.change({ logoUrl: `/help-center/logos/${sha256}` }, actor);
  }

  async logo(sha256: string): Promise<StoredFile> {
    const logo = await this.logos.find(sha256);
    if (!logo) throw new HelpCenterException(HelpCenterErrorCode.LogoNotFound, 'No such logo');
    return logo;
  }

  async publicConfig(): Promise<HelpCenterConfigDto> {
    const { contactCustomerSuccess, logoUrl, ...appearance } = await this.settings.current();
    const { publicUrls, languages, preChatForm } = this.config;
    return {
      ...appearance,
      // Absolute, so the panel can use it whatever page it runs in.
      logoUrl: logoUrl === null ? null : new URL(logoUrl, publicUrls.chat).href,
      features: { contactCustomerSuccess, preChatForm },
      languages,
      services: publicUrls,
    };
  }
}
