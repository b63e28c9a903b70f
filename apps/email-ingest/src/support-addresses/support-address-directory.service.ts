import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { baseAddressOf, SupportAddress } from './support-address';
import { SupportAddressesRepository } from './support-addresses.repository';

export const CONFIGURED_SUPPORT_ADDRESSES = Symbol('CONFIGURED_SUPPORT_ADDRESSES');

const refreshIntervalMs = 5_000;

/**
 * The support addresses the SMTP server accepts, held in memory so checking a recipient costs no
 * database round trip. Other instances' changes arrive within the refresh interval.
 */
@Injectable()
export class SupportAddressDirectoryService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SupportAddressDirectoryService.name);
  private addresses = new Map<string, SupportAddress>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repository: SupportAddressesRepository,
    @Inject(CONFIGURED_SUPPORT_ADDRESSES) private readonly configured: readonly string[],
  ) {}

  async onModuleInit(): Promise<void> {
    await this.repository.addMissing(this.configured.map(baseAddressOf));
    await this.refresh();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'support addresses not refreshed'));
    }, refreshIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The support address a recipient reaches, or null when it is none of ours. */
  resolve(recipient: string): SupportAddress | null {
    return this.addresses.get(baseAddressOf(recipient)) ?? null;
  }

  async refresh(): Promise<void> {
    const rows = await this.repository.list();
    this.addresses = new Map(rows.map((row) => [row.address, { address: row.address, defaultCategory: row.defaultCategory }]));
  }
}
