import { Injectable } from '@nestjs/common';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { PutSupportAddressDto, SupportAddressResponseDto, toSupportAddressResponse } from './support-address.dto';
import { SupportAddressDirectoryService } from './support-address-directory.service';
import { SupportAddressesRepository } from './support-addresses.repository';

@Injectable()
export class SupportAddressesService {
  constructor(
    private readonly repository: SupportAddressesRepository,
    private readonly directory: SupportAddressDirectoryService,
  ) {}

  async list(): Promise<SupportAddressResponseDto[]> {
    return (await this.repository.list()).map(toSupportAddressResponse);
  }

  async put(address: string, settings: PutSupportAddressDto): Promise<SupportAddressResponseDto> {
    const saved = await this.repository.upsert(address, settings.defaultCategory);
    await this.directory.refresh();
    return toSupportAddressResponse(saved);
  }

  async remove(address: string): Promise<void> {
    if (!(await this.repository.remove(address))) {
      throw new IngestException(IngestErrorCode.UnknownRecipient, `${address} is not a support address`);
    }
    await this.directory.refresh();
  }
}
