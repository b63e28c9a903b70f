import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { AccessService } from './access.service';

/** Agents send contacts the links that set a portal password or confirm an address. */
@Controller('contacts/:id')
export class ContactAccessController {
  constructor(private readonly access: AccessService) {}

  @Post('password-link')
  @HttpCode(HttpStatus.ACCEPTED)
  sendPasswordLink(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.access.sendContactPasswordLink(id);
  }

  @Post('emails/:email/verification-link')
  @HttpCode(HttpStatus.ACCEPTED)
  sendVerificationLink(@Param('id', ParseUUIDPipe) id: string, @Param('email') email: string): Promise<void> {
    return this.access.sendVerificationLink(id, email);
  }
}
