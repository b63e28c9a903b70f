import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import type { AccessConfig } from '../config';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { ACCESS_CONFIG, LinkRecipient } from '../access/one-time-links.service';
import { SettingsService } from '../settings/settings.service';
import { signInAlertMail } from './sign-in-alert-mail';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { Admission, admit, deservesAlert, failuresNow, throttleKeys, ThrottleScope, withFailure } from './throttle-policy';

/** How long an address an account signed in from stays exempt from that account's lock. */
const knownAddressDays = 30;

export interface SignInAttempt {
  accountKind: 'agent' | 'contact';
  email: string;
  clientAddress: string;
}

/** An attempt let through: its keys, to settle it once the password is checked. */
export interface AdmittedAttempt {
  keys: Record<ThrottleScope, string>;
}

/**
 * Slows, then refuses, repeated failed sign-ins per account and per client address, with the state in identity's
 * database so every instance applies the same counts (see `throttle-policy.ts`).
 */
@Injectable()
export class SignInThrottleService {
  private readonly logger = new Logger(SignInThrottleService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: TransactionalEvents,
    private readonly failures: SignInThrottleRepository,
    private readonly settings: SettingsService,
    @Inject(ACCESS_CONFIG) private readonly config: AccessConfig,
  ) {}

  /**
   * Lets an attempt through, after the wait its keys ask for, or refuses it (429 with when to try again). It is counted
   * as a failure before the password is checked, so attempts sent at once cannot all slip under the limit.
   */
  async admit(attempt: SignInAttempt): Promise<AdmittedAttempt> {
    const keys = throttleKeys(attempt);
    const policy = this.config.signInThrottle;
    const admission = await this.dataSource.transaction(async (manager): Promise<Admission> => {
      const now = new Date();
      const records = await this.failures.lock([keys.account, keys.address], manager);
      const knownSince = new Date(now.getTime() - knownAddressDays * 86_400_000);
      const known = await this.failures.isKnownAddress(keys.account, keys.address, knownSince, manager);
      const account = admit('account', records.get(keys.account) ?? null, now, policy, { lockApplies: !known });
      const address = admit('address', records.get(keys.address) ?? null, now, policy);
      if (!account.admitted || !address.admitted) {
        const retryAfterSeconds = Math.max(...[account, address].map((each) => (each.admitted ? 0 : each.retryAfterSeconds)));
        return { admitted: false, retryAfterSeconds };
      }
      for (const key of [keys.account, keys.address]) await this.failures.save(key, withFailure(records.get(key) ?? null, now, policy), manager);
      return { admitted: true, delayMs: Math.max(account.delayMs, address.delayMs) };
    });
    if (!admission.admitted) {
      this.logger.warn({ accountKind: attempt.accountKind, retryAfterSeconds: admission.retryAfterSeconds }, 'sign-in refused: too many failed attempts');
      throw new IdentityException(IdentityErrorCode.TooManySignInAttempts, 'Too many failed sign-in attempts: try again later', {
        retryAfterSeconds: admission.retryAfterSeconds,
      });
    }
    if (admission.delayMs > 0) await sleep(admission.delayMs);
    return { keys };
  }

  /** The account starts afresh, the address gets its attempt back and is remembered as one the account uses. */
  async succeeded({ keys }: AdmittedAttempt): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.failures.lock([keys.account, keys.address], manager);
      await this.failures.forget(keys.account, manager);
      await this.failures.refund(keys.address, manager);
      await this.failures.rememberAddress(keys.account, keys.address, manager);
    });
  }

  /**
   * Deletes up to `limit` records of each kind that no longer change any answer: failures a whole window old, addresses
   * not signed in from for `knownAddressDays`. Returns how many went.
   */
  async purgeExpired(limit: number): Promise<number> {
    const now = Date.now();
    const failedBefore = new Date(now - this.config.signInThrottle.windowSeconds * 1000);
    const knownBefore = new Date(now - knownAddressDays * 86_400_000);
    return this.dataSource.transaction((manager) => this.failures.purgeExpired({ failedBefore, knownBefore }, limit, manager));
  }

  /** The failure stays counted; an agent whose account reached the lock is mailed, once per window. */
  async failed({ keys }: AdmittedAttempt, agent: LinkRecipient | null): Promise<void> {
    if (!agent) return;
    const policy = this.config.signInThrottle;
    await this.events.run(async (manager, outbox) => {
      const now = new Date();
      const record = (await this.failures.lock([keys.account], manager)).get(keys.account)!;
      const failures = failuresNow(record, now, policy);
      if (!deservesAlert(failures, record.alertedAt, now, policy)) return;
      await this.failures.markAlerted(keys.account, manager);
      const { welcomeFromAddress } = await this.settings.current(manager);
      const mail = signInAlertMail({
        requestId: randomUUID(),
        token: randomUUID().replace(/-/g, ''),
        to: { address: agent.email, name: agent.name },
        fromAddress: welcomeFromAddress,
        failures,
        windowSeconds: policy.windowSeconds,
      });
      await outbox.add(Topics.EmailOutboundRequested, agent.subjectId, { eventId: randomUUID(), occurredAt: now.toISOString(), mail });
      this.logger.warn({ agentId: agent.subjectId, failures, requestId: mail.requestId }, 'agent alerted of repeated failed sign-ins');
    });
  }
}
