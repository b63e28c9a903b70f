import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SupportAddressEntity } from './support-address.entity';

@Injectable()
export class SupportAddressesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<SupportAddressEntity[]> {
    return this.dataSource.getRepository(SupportAddressEntity).find({ order: { address: 'ASC' } });
  }

  async find(address: string): Promise<SupportAddressEntity | null> {
    return this.dataSource.getRepository(SupportAddressEntity).findOneBy({ address });
  }

  /** Adds the addresses that are not there yet; existing ones keep their settings. */
  async addMissing(addresses: readonly string[]): Promise<void> {
    if (addresses.length === 0) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SupportAddressEntity)
      .values(addresses.map((address) => ({ address })))
      .orIgnore()
      .execute();
  }

  async upsert(address: string, defaultCategory: string | null): Promise<SupportAddressEntity> {
    await this.dataSource.getRepository(SupportAddressEntity).upsert({ address, defaultCategory }, ['address']);
    return this.dataSource.getRepository(SupportAddressEntity).findOneByOrFail({ address });
  }

  async remove(address: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(SupportAddressEntity).delete({ address });
    return (result.affected ?? 0) > 0;
  }
}
