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
