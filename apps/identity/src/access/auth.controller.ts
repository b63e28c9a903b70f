import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Ip, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ContactsToo, CurrentPrincipal, Principal, Public } from '@helpgate/auth';
import { ApiDescription, ResponseBody, Throttled, ZodValidationPipe } from '@helpgate/platform';
import { clearRefreshCookie, presentedRefreshToken, withRefreshCookie } from '../sessions/session-cookie';
import {
  MeDto,
  meSchema,
  PasswordResetDto,
  passwordResetSchema,
  RefreshTokenDto,
  refreshTokenSchema,
  SessionTokensDto,
  sessionTokensSchema,
  SetPasswordDto,
  setPasswordSchema,
  SignInDto,
  signInSchema,
  VerifyEmailDto,
  verifiedEmailSchema,
  verifyEmailSchema,
} from './access.dto';
import { AccessService } from './access.service';

const signInDescription =
  'Starts a session: a short-lived access token and a refresh token, also set as an HttpOnly, Secure, SameSite=Strict cookie ' +
  'for /auth. Repeated failures slow the answers, then are refused with 429 and Retry-After, per account and per client address.';

@Controller()
export class AuthController {
  constructor(private readonly access: AccessService) {}

  @Public()
  @Post('auth/agents/sign-in')
  @Throttled()
  @ApiDescription(signInDescription)
  @ResponseBody(sessionTokensSchema)
  @HttpCode(HttpStatus.OK)
  async signInAgent(
    @Body(new ZodValidationPipe(signInSchema)) body: SignInDto,
    @Ip() clientAddress: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionTokensDto> {
    return withRefreshCookie(response, await this.access.signInAgent(body, clientAddress));
  }

  @Public()
  @Post('auth/contacts/sign-in')
  @Throttled()
  @ApiDescription(signInDescription)
  @ResponseBody(sessionTokensSchema)
  @HttpCode(HttpStatus.OK)
  async signInContact(
    @Body(new ZodValidationPipe(signInSchema)) body: SignInDto,
    @Ip() clientAddress: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionTokensDto> {
    return withRefreshCookie(response, await this.access.signInContact(body, clientAddress));
  }

  @Public()
  @Post('auth/refresh')
  @ApiDescription('Renews a session: the refresh token of the body, else of the cookie, is swapped for a new one (the old one no longer works; presenting it again ends the session).')
  @ResponseBody(sessionTokensSchema)
  @HttpCode(HttpStatus.OK)
  async refresh(
    @Body(new ZodValidationPipe(refreshTokenSchema)) body: RefreshTokenDto,
    @Headers('cookie') cookies: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionTokensDto> {
    return withRefreshCookie(response, await this.access.refresh(presentedRefreshToken(body.refreshToken, cookies)));
  }

  @Public()
  @Post('auth/sign-out')
  @ApiDescription('Ends the session of the refresh token of the body, else of the cookie, and clears the cookie.')
  @HttpCode(HttpStatus.NO_CONTENT)
  async signOut(
    @Body(new ZodValidationPipe(refreshTokenSchema)) body: RefreshTokenDto,
    @Headers('cookie') cookies: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.access.signOut(presentedRefreshToken(body.refreshToken, cookies));
    clearRefreshCookie(response);
  }

  @Public()
  @Post('auth/password-resets')
  @HttpCode(HttpStatus.ACCEPTED)
  startPasswordReset(@Body(new ZodValidationPipe(passwordResetSchema)) body: PasswordResetDto): Promise<void> {
    return this.access.startPasswordReset(body);
  }

  @Public()
  @Post('auth/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  setPassword(@Body(new ZodValidationPipe(setPasswordSchema)) body: SetPasswordDto): Promise<void> {
    return this.access.setPassword(body);
  }

  @Public()
  @Post('auth/email-verifications')
  @ResponseBody(verifiedEmailSchema)
  @HttpCode(HttpStatus.OK)
  verifyEmail(@Body(new ZodValidationPipe(verifyEmailSchema)) body: VerifyEmailDto): Promise<{ email: string }> {
    return this.access.verifyEmail(body);
  }

  @ContactsToo()
  @Get('me')
  @ResponseBody(meSchema)
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.access.me(principal);
  }
}
