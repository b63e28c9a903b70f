declare module 'mailauth' {
  interface AuthStatus {
    result: string;
    comment?: string;
  }

  interface AuthenticateOptions {
    ip?: string;
    helo?: string;
    sender?: string;
    mta?: string;
    trustReceived?: boolean;
    disableArc?: boolean;
    disableBimi?: boolean;
    resolver?: (name: string, rrtype: string) => Promise<unknown>;
  }

  interface AuthenticateResult {
    spf?: { status: AuthStatus } | false;
    dkim?: { results: { status: AuthStatus }[] };
    dmarc?: { status: AuthStatus; policy?: string } | false;
  }

  export function authenticate(message: Buffer | string, options: AuthenticateOptions): Promise<AuthenticateResult>;
}

/** mailauth's building blocks, which `authenticate` composes: Helpgate composes the ones it uses itself. */
declare module 'mailauth/lib/tools' {
  export interface ParsedHeaders {
    parsed: { key: string; line: Buffer }[];
  }

  export function parseHeaders(header: Buffer): ParsedHeaders;
}

declare module 'mailauth/lib/dkim/dkim-verifier' {
  import type { ParsedHeaders } from 'mailauth/lib/tools';

  interface DkimResult {
    status: { result: string; aligned?: string | false; underSized?: number | false };
    id?: string;
    signingDomain?: string;
  }

  /** A Writable that splits the message it is written into its header section and body, then checks the signatures. */
  export class DkimVerifier {
    constructor(options: { resolver?: (name: string, rrtype: string) => Promise<unknown>; sender?: string });
    state: 'header' | 'body';
    headers: ParsedHeaders | false;
    headerFrom: string[];
    envelopeFrom: string | false;
    results: DkimResult[];
    ensureLinebreaks(input: Buffer): Iterable<Buffer>;
    messageHeaders(headers: ParsedHeaders): Promise<void>;
    writeAsync(chunk: Buffer): Promise<void>;
    finish(): Promise<void>;
  }
}

declare module 'mailauth/lib/spf' {
  export function spf(options: {
    ip?: string;
    helo?: string;
    sender?: string;
    mta?: string;
    resolver?: (name: string, rrtype: string) => Promise<unknown>;
  }): Promise<{ status: { result: string }; domain?: string } | false>;
}

declare module 'mailauth/lib/dmarc' {
  export function dmarc(options: {
    headerFrom: string[];
    spfDomains: string[];
    dkimDomains: { id?: string; domain?: string; aligned?: string | false; underSized?: number | false }[];
    arcResult?: unknown;
    resolver?: (name: string, rrtype: string) => Promise<unknown>;
  }): Promise<{ status: { result: string }; policy?: string } | false>;
}

declare module 'mailauth/lib/dkim/sign' {
  export function dkimSign(
    message: Buffer | string,
    options: {
      signatureData: { signingDomain: string; selector: string; privateKey: unknown; canonicalization?: string; maxBodyLength?: number }[];
    },
  ): Promise<{ signatures: string }>;
}
