import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { Public } from '@helpgate/auth';
import { ApiDescription, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  CustomerSuccessFormDto,
  customerSuccessFormSchema,
  CustomerSuccessReceiptDto,
  customerSuccessReceiptSchema,
  CustomerSuccessSubmissionDto,
  customerSuccessSubmissionSchema,
} from './customer-success.dto';
import { CustomerSuccessService } from './customer-success.service';

/** The help center's "contact customer success" form: for anyone, signed in or not, where the team enables it. */
@Public()
@Controller('customer-success')
export class CustomerSuccessController {
  constructor(private readonly customerSuccess: CustomerSuccessService) {}

  @Get('form')
  @ResponseBody(customerSuccessFormSchema)
  @ApiDescription('Whether the form is accepted, the categories it offers, the priorities with their meaning, the longest message.')
  form(): Promise<CustomerSuccessFormDto> {
    return this.customerSuccess.form();
  }

  @Post('requests')
  @HttpCode(202)
  @ResponseBody(customerSuccessReceiptSchema)
  @ApiDescription(
    'A request `{ categoryId?, priority?, email, name?, message }` that becomes a ticket in the customer-success category, answered at `email` (identity finds or creates its contact by the rules mail follows). 422 `customer_success.disabled`, `customer_success.category_not_offered`; 429 `customer_success.too_many_requests` with Retry-After past the requests allowed per address and per client within the window.',
  )
  submit(
    @Body(new ZodValidationPipe(customerSuccessSubmissionSchema)) body: CustomerSuccessSubmissionDto,
    @Ip() clientAddress: string | undefined,
  ): Promise<CustomerSuccessReceiptDto> {
    return this.customerSuccess.submit(body, clientAddress ?? null);
  }
}
