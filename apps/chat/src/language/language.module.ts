import { DynamicModule, Global, Module } from '@nestjs/common';
import { LanguageDetector } from './detect-language';

/** The language detector over the team's enabled languages (`CHAT_LANGUAGES`), for every chat feature. */
@Global()
@Module({})
export class LanguageModule {
  static forRoot(enabledLanguages: string[]): DynamicModule {
    const detector = { provide: LanguageDetector, useValue: new LanguageDetector(enabledLanguages) };
    return { module: LanguageModule, providers: [detector], exports: [LanguageDetector] };
  }
}
