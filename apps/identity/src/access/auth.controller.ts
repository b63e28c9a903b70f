import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ContactsToo, CurrentPrincipal, Principal, Public } from '@helpgate/auth';
import { ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  AccessTokenDto,
  accessTokenSchema,
  MeDto,
  meSchema,
  PasswordResetDto,
  passwordResetSchema,
  SetPasswordDto,
  setPasswordSchema,
  SignInDto,
  signInSchema,
  VerifyEmailDto,
  verifiedEmailSchema,
  verifyEmailSchema,
} from './access.dto';
import { AccessService } from './access.service';

@Controller()
export class AuthController {
  constructor(private readonly access: AccessService) {}

  @Public()
  @Post('auth/agents/sign-in')
  @ResponseBody(accessTokenSchema)
  @HttpCode(HttpStatus.OK)
  signInAgent(@Body(new ZodValidationPipe(signInSchema)) body: SignInDto): Promise<AccessTokenDto> {
    return this.access.signInAgent(body);
  }

  @Public()
  @Post('auth/contacts/sign-in')
  @ResponseBody(accessTokenSchema)
  @HttpCode(HttpStatus.OK)
  signInContact(@Body(new ZodValidationPipe(signInSchema)) body: SignInDto): Promise<AccessTokenDto> {
    return this.access.signInContact(body);
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
