import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { z } from 'zod';
import { AdminsOnly } from '@helpgate/auth';
import { ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  PutSupportAddressDto,
  putSupportAddressSchema,
  SupportAddressResponseDto,
  supportAddressParamSchema,
  supportAddressResponseSchema,
} from './support-address.dto';
import { SupportAddressesService } from './support-addresses.service';

@Controller('support-addresses')
export class SupportAddressesController {
  constructor(private readonly supportAddresses: SupportAddressesService) {}

  @Get()
  @ResponseBody(z.array(supportAddressResponseSchema))
  list(): Promise<SupportAddressResponseDto[]> {
    return this.supportAddresses.list();
  }

  /** Adding, changing and removing the addresses mail is accepted for is the admins' work, as in every service. */
  @AdminsOnly()
  @Put(':address')
  @ResponseBody(supportAddressResponseSchema)
  put(
    @Param('address', new ZodValidationPipe(supportAddressParamSchema)) address: string,
    @Body(new ZodValidationPipe(putSupportAddressSchema)) body: PutSupportAddressDto,
  ): Promise<SupportAddressResponseDto> {
    return this.supportAddresses.put(address, body);
  }

  @AdminsOnly()
  @Delete(':address')
  @HttpCode(204)
  remove(@Param('address', new ZodValidationPipe(supportAddressParamSchema)) address: string): Promise<void> {
    return this.supportAddresses.remove(address);
  }
}
